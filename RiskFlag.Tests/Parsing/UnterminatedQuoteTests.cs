namespace RiskFlag.Tests.Parsing;

/// <summary>A quote that never closes costs its own row only: the lines it would swallow are read and counted.</summary>
public sealed class UnterminatedQuoteTests
{
    [Fact]
    public void The_row_with_the_open_quote_is_rejected_with_its_line_and_every_later_row_is_read()
    {
        var good = CsvFixtures.GoodRow;
        var broken = good.Replace(",Rewa,", ",\"Rewa,", StringComparison.Ordinal);
        var text = $"{CsvFixtures.Header}\n{good}\n{broken}\n{good}\nx,abc,23,3,single,rented,no,Chef,Rewa,Madhya_Pradesh,3,13,0\n{good}\n";

        var result = CsvFixtures.Read(text);

        Assert.Equal(5, result.TotalRows);
        Assert.Equal(3, result.Records.Count);
        Assert.Equal([2, 4, 6], result.Records.Select(r => r.Line));
        Assert.Equal(2, result.RejectedRows);
        Assert.Contains(result.Errors, e => e.Line == 3 && e.Reason.StartsWith("has a quote that is never closed", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Line == 5 && e.Field == "Income");
    }

    [Fact]
    public void An_open_quote_on_the_last_line_rejects_only_that_line()
    {
        var broken = CsvFixtures.GoodRow.Replace(",Rewa,", ",\"Rewa,", StringComparison.Ordinal);

        var result = CsvFixtures.Read($"{CsvFixtures.Header}\n{CsvFixtures.GoodRow}\n{broken}\n");

        Assert.Equal(2, result.TotalRows);
        Assert.Single(result.Records);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }
}
