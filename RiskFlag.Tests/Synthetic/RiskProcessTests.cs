using RiskFlag.Core.Domain;
using RiskFlag.Core.Vocabulary;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

/// <summary>The documented risk process pushes risk the documented way and leaves learnable, imperfect signal.</summary>
public class RiskProcessTests
{
    private static readonly Applicant Baseline = new(
        Income: 5_000_000,
        Age: 50,
        Experience: 10,
        MaritalStatus: MaritalStatus.Single,
        HouseOwnership: HouseOwnership.Rented,
        OwnsCar: false,
        Profession: "Engineer",
        City: "Pune",
        State: "Maharashtra",
        CurrentJobYears: 6,
        CurrentHouseYears: 12);

    [Fact]
    public void YoungAndOldApplicantsAreRiskierThanMiddleAged()
    {
        double middleAged = RiskProcess.ObservableLogit(Baseline);

        Assert.True(RiskProcess.ObservableLogit(Baseline with { Age = 22 }) > middleAged);
        Assert.True(RiskProcess.ObservableLogit(Baseline with { Age = 78 }) > middleAged);
    }

    [Fact]
    public void LowIncomeIsRiskier()
    {
        Assert.True(RiskProcess.ObservableLogit(Baseline with { Income = 300_000 }) > RiskProcess.ObservableLogit(Baseline));
    }

    [Fact]
    public void ShortJobAndFewHouseYearsAreRiskier()
    {
        Assert.True(RiskProcess.ObservableLogit(Baseline with { CurrentJobYears = 0 }) > RiskProcess.ObservableLogit(Baseline));
        Assert.True(RiskProcess.ObservableLogit(Baseline with { CurrentHouseYears = 10 }) > RiskProcess.ObservableLogit(Baseline));
    }

    [Fact]
    public void OwningHouseOrCarAndMarriageLowerRisk()
    {
        double baseline = RiskProcess.ObservableLogit(Baseline);

        Assert.True(RiskProcess.ObservableLogit(Baseline with { HouseOwnership = HouseOwnership.Owned }) < baseline);
        Assert.True(RiskProcess.ObservableLogit(Baseline with { OwnsCar = true }) < baseline);
        Assert.True(RiskProcess.ObservableLogit(Baseline with { MaritalStatus = MaritalStatus.Married }) < baseline);
    }

    [Fact]
    public void CitiesWithHigherRealRiskRatesAreRiskier()
    {
        KnownCity safest = KnownCities.All.MinBy(city => city.RiskRate)!;
        KnownCity riskiest = KnownCities.All.MaxBy(city => city.RiskRate)!;

        Assert.True(
            RiskProcess.ObservableLogit(Baseline with { City = riskiest.Name, State = riskiest.State })
            > RiskProcess.ObservableLogit(Baseline with { City = safest.Name, State = safest.State }));
    }

    [Fact]
    public void EveryProfessionHasAFixedOffset()
    {
        Assert.Equal(KnownProfessions.All.Order(StringComparer.Ordinal), ProfessionRiskOffsets.All.Keys.Order(StringComparer.Ordinal));
        Assert.All(ProfessionRiskOffsets.All.Values, offset => Assert.InRange(offset, -1.0, 1.0));
    }

    [Fact]
    public void LabelsFollowTheProcessWithoutBeingDeterminedByIt()
    {
        // AUC of the process's own score: the ceiling for any model. Well above chance, well below 1.
        List<Applicant> distinct = [];
        List<int> labels = [];
        foreach (SyntheticApplicant row in GeneratedSamples.Full.DistinctBy(row => row.Applicant))
        {
            distinct.Add(row.Applicant);
            labels.Add(row.RiskFlag);
        }

        double auc = RocAuc.Compute([.. distinct.Select(RiskProcess.ObservableLogit)], [.. labels]);

        Assert.InRange(auc, 0.78, 0.88);
    }

    [Fact]
    public void RiskLearnedOnOneDataSetCarriesOverToAnother()
    {
        // Risk rates per age band, measured on one seed's distinct applicants, still rank another
        // seed's applicants: the signal generalises to unseen applicants rather than living in copies.
        Dictionary<int, double> rateByAgeBand = new SyntheticApplicantGenerator(1).Generate(100_000)
            .DistinctBy(row => row.Applicant)
            .GroupBy(row => AgeBand(row.Applicant.Age))
            .ToDictionary(band => band.Key, band => band.Average(row => row.RiskFlag));
        SyntheticApplicant[] unseen = [.. new SyntheticApplicantGenerator(2).Generate(100_000).DistinctBy(row => row.Applicant)];

        double auc = RocAuc.Compute(
            [.. unseen.Select(row => rateByAgeBand[AgeBand(row.Applicant.Age)])],
            [.. unseen.Select(row => row.RiskFlag)]);

        Assert.True(auc > 0.6, $"AUC {auc:F3}");
    }

    private static int AgeBand(int age)
    {
        return age / 5;
    }
}
