using RiskFlag.Core.Engine;

namespace RiskFlag.Tests.Engine;

/// <summary>Parity beyond the shared model: other base scores, deep or leaf-wise trees, exact splits, weights.</summary>
public sealed class TreeEnsembleModelVariantsTests
{
    [Theory]
    [InlineData("hist", "10", "0", "0.3")]
    [InlineData("hist", "0", "16", "0.8")]
    [InlineData("exact", "12", "0", "0.5")]
    public void ManagedOutputsMatchNative(string treeMethod, string maxDepth, string maxLeaves, string baseScore)
    {
        LabeledRows training = SyntheticCreditData.Generate(2_000, seed: 51);
        float[] weights = [.. Enumerable.Range(0, training.Rows).Select(static i => 0.5f + (i % 3))];
        using DMatrix train = DMatrix.FromDense(training.Features, training.Rows, training.Columns, training.Labels, weights);
        var parameters = new Dictionary<string, string>(TrainedModelFixture.Parameters)
        {
            ["eta"] = "0.3",
            ["tree_method"] = treeMethod,
            ["max_depth"] = maxDepth,
            ["max_leaves"] = maxLeaves,
            ["grow_policy"] = maxLeaves == "0" ? "depthwise" : "lossguide",
            ["base_score"] = baseScore,
        };
        using Booster booster = Booster.Train(train, parameters, rounds: 20);
        TreeEnsemble ensemble = TreeEnsemble.FromModelJson(booster.SaveModelJson());
        LabeledRows rows = SyntheticCreditData.Generate(300, seed: 52);
        using DMatrix matrix = DMatrix.FromDense(rows.Features, rows.Rows, rows.Columns);

        float[] probabilities = booster.Predict(matrix);
        float[] approximate = booster.PredictContributions(matrix, approximate: true);
        float[] exact = booster.PredictContributions(matrix, approximate: false);

        int width = ensemble.FeatureCount + 1;
        var contributions = new double[width];
        for (int row = 0; row < rows.Rows; row++)
        {
            Assert.Equal(probabilities[row], ensemble.PredictProbability(rows.Row(row)), 1e-6);
            ensemble.ApproximateContributions(rows.Row(row), contributions);
            AssertRowMatches(approximate.AsSpan(row * width, width), contributions);
            ensemble.ExactContributions(rows.Row(row), contributions);
            AssertRowMatches(exact.AsSpan(row * width, width), contributions);
        }
    }

    private static void AssertRowMatches(ReadOnlySpan<float> native, double[] managed)
    {
        for (int column = 0; column < managed.Length; column++)
        {
            Assert.Equal(native[column], managed[column], 1e-5);
        }
    }
}
