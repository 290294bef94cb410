using RiskFlag.Core.Domain;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

/// <summary>The second risk process: same applicants, labels with interactions, a similar share of risky rows.</summary>
public class InteractingRiskProcessTests
{
    private static readonly Applicant Baseline = new(5_000_000, 40, 10, MaritalStatus.Single, HouseOwnership.Owned, false, "Engineer", "Pune", "Maharashtra", 6, 12);

    [Fact]
    public void Low_income_weighs_more_on_the_young_than_on_the_old()
    {
        static double Gap(int age) =>
            RiskProcess.InteractionEffect(Baseline with { Age = age, Income = 600_000 }) - RiskProcess.InteractionEffect(Baseline with { Age = age });

        Assert.True(Gap(25) > 1.5, $"young: {Gap(25)}");
        Assert.True(Gap(60) < 0, $"old: {Gap(60)}");
        Assert.Equal(0, Gap(40), 10);
    }

    [Fact]
    public void A_new_job_in_a_rented_house_is_riskier_than_either_alone()
    {
        var newJob = RiskProcess.InteractionEffect(Baseline with { CurrentJobYears = 1 });
        var rented = RiskProcess.InteractionEffect(Baseline with { HouseOwnership = HouseOwnership.Rented });
        var both = RiskProcess.InteractionEffect(Baseline with { CurrentJobYears = 1, HouseOwnership = HouseOwnership.Rented });

        Assert.Equal(newJob, rented);
        Assert.Equal(1.1, both - newJob, 10);
    }

    [Fact]
    public void The_applicants_are_the_same_and_only_some_labels_change()
    {
        var additive = new SyntheticApplicantGenerator(7).Generate(20_000).ToList();
        var interacting = new SyntheticApplicantGenerator(7, RiskProcessKind.Interacting).Generate(20_000).ToList();

        Assert.Equal(additive.Select(r => r.Applicant), interacting.Select(r => r.Applicant));
        var changed = additive.Zip(interacting).Count(p => p.First.RiskFlag != p.Second.RiskFlag);
        Assert.InRange(changed, 500, 8_000);
        Assert.InRange(interacting.Average(r => (double)r.RiskFlag), 0.10, 0.17);
    }
}
