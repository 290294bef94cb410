using RiskFlag.Core.Bundle;
using RiskFlag.Core.Drift;
using RiskFlag.Core.Scoring;
using RiskFlag.Tests.Training;
using RiskFlag.Training.Pipeline;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Drift;

[Collection(TrainedModelGroup.Name)]
public class InputDriftMonitorTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Applicants_drawn_like_the_training_data_show_no_drift()
    {
        var scorer = new RiskScorer(fixture.Model.ToRiskModel());
        var monitor = new InputDriftMonitor(fixture.Bundle.Reference, windowSize: 20_000);

        foreach (var applicant in new SyntheticApplicantGenerator(seed: 1234).Generate(20_000))
        {
            scorer.Score(applicant.Applicant, drift: monitor);
        }

        Assert.Equal(20_000, monitor.Count);
        Assert.All(monitor.Snapshot(), d => Assert.True(d.Psi < 0.1, $"{d.Feature}: PSI {d.Psi:0.000}"));
        Assert.InRange(monitor.FlaggedShare, monitor.TrainingFlaggedShare - 0.08, monitor.TrainingFlaggedShare + 0.08);
    }

    [Fact]
    public void A_shifted_population_shows_drift_on_the_shifted_inputs_only()
    {
        var scorer = new RiskScorer(fixture.Model.ToRiskModel());
        var monitor = new InputDriftMonitor(fixture.Bundle.Reference, windowSize: 20_000);

        foreach (var applicant in new SyntheticApplicantGenerator(seed: 99).Generate(20_000))
        {
            var poorer = applicant.Applicant with { Income = applicant.Applicant.Income * 0.2 };
            scorer.Score(poorer, drift: monitor);
        }

        var psi = monitor.Snapshot().ToDictionary(d => d.Feature, d => d.Psi);
        Assert.True(psi["income"] > 0.2, $"income PSI {psi["income"]:0.000}");
        Assert.True(psi["age"] < 0.1, $"age PSI {psi["age"]:0.000}");
    }

    [Fact]
    public void The_window_forgets_the_oldest_applicants()
    {
        var reference = new ReferenceProfile([new FeatureReference("x", [0.5f], [0.5, 0.5])], 0.1, 0.1);
        var monitor = new InputDriftMonitor(reference, windowSize: 4);

        for (var i = 0; i < 4; i++)
        {
            monitor.Observe([1f], flagged: true);
        }

        Assert.True(monitor.Snapshot()[0].Psi > 1);
        Assert.Equal(1.0, monitor.FlaggedShare);

        for (var i = 0; i < 4; i++)
        {
            monitor.Observe([i % 2 == 0 ? 0f : 1f], flagged: false);
        }

        Assert.Equal(0, monitor.Snapshot()[0].Psi, 10);
        Assert.Equal(0.0, monitor.FlaggedShare);
        Assert.Equal(4, monitor.Count);
    }

    [Fact]
    public void Psi_matches_a_hand_computed_value()
    {
        // expected 50/50, actual 80/20: (0.8-0.5)ln(1.6) + (0.2-0.5)ln(0.4)
        var psi = PopulationStabilityIndex.Compute([0.5, 0.5], [80, 20]);

        Assert.Equal((0.3 * Math.Log(1.6)) + (-0.3 * Math.Log(0.4)), psi, 12);
    }
}
