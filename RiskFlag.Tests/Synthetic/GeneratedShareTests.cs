using RiskFlag.Core.Domain;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

/// <summary>Row shares of the generated data against the real training data's, within a point.</summary>
public class GeneratedShareTests
{
    private const double Tolerance = 0.01;

    [Fact]
    public void MarriedShareMatchesRealData()
    {
        AssertShare(0.102, row => row.Applicant.MaritalStatus == MaritalStatus.Married);
    }

    [Theory]
    [InlineData(HouseOwnership.Rented, 0.921)]
    [InlineData(HouseOwnership.Owned, 0.051)]
    [InlineData(HouseOwnership.NoRentNoOwn, 0.028)]
    public void HouseOwnershipSharesMatchRealData(HouseOwnership ownership, double realShare)
    {
        AssertShare(realShare, row => row.Applicant.HouseOwnership == ownership);
    }

    [Fact]
    public void CarOwnerShareMatchesRealData()
    {
        AssertShare(0.30, row => row.Applicant.OwnsCar);
    }

    [Fact]
    public void PositiveShareMatchesRealData()
    {
        AssertShare(0.123, row => row.RiskFlag == 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void PositiveShareStaysNearRealShareForAnySeed(int seed)
    {
        List<SyntheticApplicant> rows = [.. new SyntheticApplicantGenerator(seed).Generate(50_000)];

        Assert.InRange(rows.Average(row => row.RiskFlag), 0.123 - Tolerance, 0.123 + Tolerance);
    }

    [Fact]
    public void LabelsAreZeroOrOne()
    {
        Assert.All(GeneratedSamples.Medium, row => Assert.True(row.RiskFlag is 0 or 1));
    }

    private static void AssertShare(double realShare, Func<SyntheticApplicant, bool> predicate)
    {
        double share = GeneratedSamples.Medium.Count(predicate) / (double)GeneratedSamples.Medium.Count;
        Assert.InRange(share, realShare - Tolerance, realShare + Tolerance);
    }
}
