using RiskFlag.Core.Parsing;

namespace RiskFlag.Tests.Parsing;

/// <summary>Error messages repeat a short excerpt of the offending input, however large it is.</summary>
public sealed class ErrorExcerptTests
{
    [Theory]
    [InlineData("Age")]
    [InlineData("Income")]
    [InlineData("Experience")]
    public void A_huge_number_is_quoted_by_an_excerpt(string column)
    {
        var huge = new string('9', 200_000);
        var columns = CsvFixtures.Header.Split(',');
        var cells = CsvFixtures.GoodRow.Split(',');
        cells[Array.IndexOf(columns, column)] = huge;

        var result = CsvFixtures.Read($"{CsvFixtures.Header}\n{string.Join(',', cells)}\n");

        var error = Assert.Single(result.Errors, e => e.Field == column);
        Assert.True(error.Reason.Length < 200, $"{error.Reason.Length} characters");
        Assert.Contains("200,000 characters", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_header_without_the_required_columns_is_quoted_by_an_excerpt()
    {
        var header = string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"column{i}"));

        var problem = Assert.Throws<InvalidApplicantFileException>(() => CsvFixtures.Read($"{header}\n1,2,3\n"));

        Assert.True(problem.Message.Length < 400, $"{problem.Message.Length} characters");
        Assert.Contains("the header lacks required column(s)", problem.Message, StringComparison.Ordinal);
    }
}
