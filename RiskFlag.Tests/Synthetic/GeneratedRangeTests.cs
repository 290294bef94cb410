using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

/// <summary>Numeric columns of the generated data stay in, and fill, the real training data's ranges.</summary>
public class GeneratedRangeTests
{
    [Fact]
    public void IncomeStaysWithinRealRange()
    {
        double[] incomes = [.. GeneratedSamples.Medium.Select(row => row.Applicant.Income)];

        Assert.InRange(incomes.Min(), 10_310, 100_000);
        Assert.InRange(incomes.Max(), 9_900_000, 9_999_938);
        Assert.All(incomes, income => Assert.Equal(Math.Floor(income), income));
        // Roughly uniform, as in the real data.
        Assert.InRange(incomes.Average(), 4_800_000, 5_200_000);
    }

    [Fact]
    public void AgeFillsRealRange()
    {
        AssertFills(21, 79, row => row.Applicant.Age);
    }

    [Fact]
    public void ExperienceFillsRealRange()
    {
        AssertFills(0, 20, row => row.Applicant.Experience);
    }

    [Fact]
    public void CurrentJobYearsFillRealRange()
    {
        AssertFills(0, 14, row => row.Applicant.CurrentJobYears);
    }

    [Fact]
    public void CurrentHouseYearsFillRealRange()
    {
        AssertFills(10, 14, row => row.Applicant.CurrentHouseYears);
    }

    [Fact]
    public void CurrentJobYearsNeverExceedExperience()
    {
        Assert.All(GeneratedSamples.Full, row => Assert.True(row.Applicant.CurrentJobYears <= row.Applicant.Experience));
    }

    [Fact]
    public void CurrentJobYearsFollowRealShape()
    {
        // In the real data job years equal experience up to 3 years and are capped uniform 3..14 above.
        Assert.All(
            GeneratedSamples.Medium.Where(row => row.Applicant.Experience <= 3),
            row => Assert.Equal(row.Applicant.Experience, row.Applicant.CurrentJobYears));
        Assert.All(
            GeneratedSamples.Medium.Where(row => row.Applicant.Experience > 3),
            row => Assert.True(row.Applicant.CurrentJobYears >= 3));
    }

    private static void AssertFills(int min, int max, Func<SyntheticApplicant, int> column)
    {
        HashSet<int> seen = [.. GeneratedSamples.Medium.Select(column)];

        Assert.Equal(Enumerable.Range(min, max - min + 1), seen.Order());
    }
}
