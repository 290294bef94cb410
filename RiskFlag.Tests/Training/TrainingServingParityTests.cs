using RiskFlag.Core.Model;
using RiskFlag.Training.Pipeline;

namespace RiskFlag.Tests.Training;

[Collection(TrainedModelGroup.Name)]
public class TrainingServingParityTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Validation_vectors_built_in_training_equal_the_vectors_served_for_the_same_applicants()
    {
        var data = TrainingData.Load([fixture.DataPath], 0.01);
        var examples = TrainingExamples.From(data.Records);
        var split = Splitter.Grouped(examples, fixture.Parameters.Split.ValidationFraction, fixture.Parameters.TargetEncoding.Folds, fixture.Parameters.Split.Seed);
        var matrices = MatrixBuilder.Build(RiskModelContext.Create(), split, new(fixture.Parameters.SelectedFeatures), fixture.Parameters.TargetEncoding.Folds, fixture.Parameters.TargetEncoding.Smoothing);

        // The engine comes from the zip on disk, so this also covers the encoding tables' round trip through ML.NET.
        var engine = RiskModel.Load(fixture.BundlePath).CreatePredictionEngine();
        for (var row = 0; row < split.Validation.Count; row++)
        {
            var served = engine.Predict(ApplicantInput.From(split.Validation[row].Example.Applicant)).Features;
            Assert.Equal(matrices.Validation.AsSpan(row * matrices.Width, matrices.Width).ToArray(), served);
        }
    }

    [Fact]
    public void The_bundle_reports_both_splits_and_the_random_split_flatters_the_model()
    {
        var metrics = fixture.Bundle.Metrics;

        Assert.InRange(metrics.Grouped.RocAuc, 0.6, 0.99);
        Assert.True(metrics.Random.RocAuc > metrics.Grouped.RocAuc, $"random {metrics.Random.RocAuc} vs grouped {metrics.Grouped.RocAuc}");
        Assert.InRange(fixture.Bundle.Manifest.Threshold, 0.01, 0.99);
        Assert.Equal(["calibration.svg", "comparison.svg", "confusion.svg", "pr.svg", "roc.svg", "scores.svg"], fixture.Bundle.Plots.Keys.Order());
        Assert.Equal(fixture.Bundle.Manifest.Features.Count, fixture.Bundle.Reference.Features.Count);
        Assert.All(fixture.Bundle.Reference.Features, f => Assert.Equal(1.0, f.Proportions.Sum(), 6));
        Assert.Equal(TrainedModelFixture.Rows, fixture.Bundle.Manifest.Data.Rows);
        Assert.Equal(64, fixture.Bundle.Manifest.Data.Sha256.Length);
    }
}
