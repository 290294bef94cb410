using RiskFlag.Core.Domain;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

/// <summary>The generated data repeats applicants the way the real training data does.</summary>
public class GeneratedDuplicationTests
{
    [Fact]
    public void IdenticalApplicantsCarryIdenticalLabels()
    {
        Dictionary<Applicant, int> labels = [];
        foreach (SyntheticApplicant row in GeneratedSamples.Full)
        {
            Assert.Equal(labels.GetValueOrDefault(row.Applicant, row.RiskFlag), row.RiskFlag);
            labels[row.Applicant] = row.RiskFlag;
        }
    }

    [Fact]
    public void MostRowsAreCopiesOfRepeatedApplicants()
    {
        Dictionary<Applicant, int> copies = CopiesPerApplicant(GeneratedSamples.Full);
        int rowsOfRepeated = copies.Values.Where(count => count > 1).Sum();

        // Real data: about 85 % of rows belong to ~6,000 applicants copied ~36 times each.
        Assert.InRange(rowsOfRepeated / (double)GeneratedSamples.FullRows, 0.83, 0.87);
        Assert.InRange(copies.Values.Max(), 34, 38);
        Assert.InRange(copies.Values.Count(count => count > 1), 5_500, 6_500);
    }

    [Fact]
    public void FullSizeDataHoldsAsManyDistinctApplicantsAsTheRealData()
    {
        // Real data: 5,977 repeated applicants plus about 36,800 that occur once.
        Assert.InRange(CopiesPerApplicant(GeneratedSamples.Full).Count, 40_000, 46_000);
    }

    [Theory]
    [InlineData(50_400, 13_349)]
    [InlineData(28_000, 9_922)]
    public void RandomSubsamplesHoldAsManyDistinctApplicantsAsRealSamples(int sampleRows, int realDistinct)
    {
        // The real 50,400-row raw split (a random 20 % of the training rows) holds 13,349 distinct
        // applicants; the 28,000-row Kaggle test file, built alike, holds 9,922.
        SyntheticApplicant[] shuffled = [.. GeneratedSamples.Full];
        new Random(1).Shuffle(shuffled);

        int distinct = shuffled.Take(sampleRows).Select(row => row.Applicant).Distinct().Count();

        Assert.InRange(distinct, realDistinct * 0.95, realDistinct * 1.05);
    }

    [Fact]
    public void CopiesAreSpreadOverTheFile()
    {
        // Shuffled rows: the copies of an applicant are not neighbours.
        IReadOnlyList<SyntheticApplicant> rows = GeneratedSamples.Full;
        int neighbouringCopies = Enumerable.Range(1, rows.Count - 1).Count(i => rows[i].Applicant == rows[i - 1].Applicant);

        Assert.True(neighbouringCopies < rows.Count / 100, $"{neighbouringCopies} neighbouring copies");
    }

    private static Dictionary<Applicant, int> CopiesPerApplicant(IEnumerable<SyntheticApplicant> rows)
    {
        return rows.CountBy(row => row.Applicant).ToDictionary(pair => pair.Key, pair => pair.Value);
    }
}
