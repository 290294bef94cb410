using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

public class GeneratorDeterminismTests
{
    [Fact]
    public void SameSeedAndRowCountGiveIdenticalRows()
    {
        List<SyntheticApplicant> first = [.. new SyntheticApplicantGenerator(7).Generate(5_000)];
        List<SyntheticApplicant> second = [.. new SyntheticApplicantGenerator(7).Generate(5_000)];

        Assert.Equal(first, second);
    }

    [Fact]
    public void EnumeratingTwiceGivesIdenticalRows()
    {
        IEnumerable<SyntheticApplicant> rows = new SyntheticApplicantGenerator(7).Generate(2_000);

        Assert.Equal(rows.ToList(), [.. rows]);
    }

    [Fact]
    public void SameSeedGivesIdenticalCsvText()
    {
        Assert.Equal(WriteCsv(11, 3_000), WriteCsv(11, 3_000));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentRows()
    {
        List<SyntheticApplicant> first = [.. new SyntheticApplicantGenerator(1).Generate(2_000)];
        List<SyntheticApplicant> second = [.. new SyntheticApplicantGenerator(2).Generate(2_000)];

        Assert.NotEqual(first, second);
        Assert.NotEqual(WriteCsv(1, 2_000), WriteCsv(2, 2_000));
    }

    [Fact]
    public async Task GeneratorsRunningInParallelDoNotDisturbEachOther()
    {
        List<SyntheticApplicant> aloneA = [.. new SyntheticApplicantGenerator(101).Generate(20_000)];
        List<SyntheticApplicant> aloneB = [.. new SyntheticApplicantGenerator(202).Generate(20_000)];

        Task<List<SyntheticApplicant>> parallelA = Task.Run(() => new SyntheticApplicantGenerator(101).Generate(20_000).ToList());
        Task<List<SyntheticApplicant>> parallelB = Task.Run(() => new SyntheticApplicantGenerator(202).Generate(20_000).ToList());

        Assert.Equal(aloneA, await parallelA);
        Assert.Equal(aloneB, await parallelB);
    }

    [Fact]
    public void IdsRunFromOneToRowCount()
    {
        IEnumerable<int> ids = new SyntheticApplicantGenerator(3).Generate(1_000).Select(row => row.Id);

        Assert.Equal(Enumerable.Range(1, 1_000), ids);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(1_001)]
    public void GeneratesExactlyTheRequestedRows(int rows)
    {
        Assert.Equal(rows, new SyntheticApplicantGenerator(5).Generate(rows).Count());
    }

    [Fact]
    public void NegativeRowCountIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticApplicantGenerator(5).Generate(-1));
    }

    private static string WriteCsv(int seed, int rows)
    {
        using var writer = new StringWriter();
        new SyntheticApplicantGenerator(seed).WriteCsv(writer, rows);
        return writer.ToString();
    }
}
