using RiskFlag.Core.Engine;

namespace RiskFlag.Tests.Engine;

/// <summary>The managed evaluator must reproduce XGBoost's own outputs for the same model and rows.</summary>
[Collection(TrainedModelCollectionDefinition.Name)]
public sealed class TreeEnsembleParityTests(TrainedModelFixture model)
{
    [Fact]
    public void EnsembleHasTheBoostersShape()
    {
        Assert.Equal(SyntheticCreditData.Columns, model.Ensemble.FeatureCount);
        Assert.Equal(TrainedModelFixture.Rounds, model.Ensemble.TreeCount);
        Assert.Equal(TrainedModelFixture.Rounds, model.Booster.Rounds);
    }

    [Fact]
    public void ProbabilitiesMatchNativePrediction()
    {
        float[] native = model.Booster.Predict(model.EvaluationMatrix);

        Assert.Equal(model.Evaluation.Rows, native.Length);
        for (int row = 0; row < model.Evaluation.Rows; row++)
        {
            AssertClose(native[row], model.Ensemble.PredictProbability(model.Evaluation.Row(row)), 1e-6, row, column: 0);
        }
    }

    [Fact]
    public void ApproximateContributionsMatchNativeApproxContribs()
    {
        float[] native = model.Booster.PredictContributions(model.EvaluationMatrix, approximate: true);

        AssertContributionsMatch(native, model.Evaluation.Rows, model.Ensemble.ApproximateContributions);
    }

    [Fact]
    public void ExactContributionsMatchNativePredContribs()
    {
        // Exact SHAP is costly on both sides, so a third of the rows is compared.
        int rows = model.Evaluation.Rows / 3;
        using DMatrix matrix = DMatrix.FromDense(model.Evaluation.Features.AsSpan(0, rows * model.Evaluation.Columns), rows, model.Evaluation.Columns);
        float[] native = model.Booster.PredictContributions(matrix, approximate: false);

        AssertContributionsMatch(native, rows, model.Ensemble.ExactContributions);
    }

    [Fact]
    public void BothKindsOfContributionsSumToTheMargin()
    {
        var contributions = new double[model.Ensemble.FeatureCount + 1];
        for (int row = 0; row < 500; row++)
        {
            ReadOnlySpan<float> features = model.Evaluation.Row(row);
            double margin = model.Ensemble.PredictMargin(features);

            model.Ensemble.ApproximateContributions(features, contributions);
            Assert.Equal(margin, contributions.Sum(), 1e-9);

            model.Ensemble.ExactContributions(features, contributions);
            Assert.Equal(margin, contributions.Sum(), 1e-9);
        }
    }

    [Fact]
    public void MissingFeaturesFollowTheDefaultDirectionLikeNative()
    {
        // One row with every feature missing, one with each single feature missing.
        int columns = model.Ensemble.FeatureCount;
        var rows = new float[(columns + 1) * columns];
        rows.AsSpan(0, columns).Fill(float.NaN);
        for (int missing = 0; missing < columns; missing++)
        {
            model.Evaluation.Row(0).CopyTo(rows.AsSpan((missing + 1) * columns));
            rows[((missing + 1) * columns) + missing] = float.NaN;
        }

        float[] native = model.Booster.PredictDense(rows, columns + 1, columns);

        for (int row = 0; row <= columns; row++)
        {
            AssertClose(native[row], model.Ensemble.PredictProbability(rows.AsSpan(row * columns, columns)), 1e-6, row, column: 0);
        }
    }

    private delegate void Contributions(ReadOnlySpan<float> features, Span<double> contributions);

    private void AssertContributionsMatch(float[] native, int rows, Contributions managed)
    {
        int width = model.Ensemble.FeatureCount + 1;
        Assert.Equal(rows * width, native.Length);
        var contributions = new double[width];
        for (int row = 0; row < rows; row++)
        {
            managed(model.Evaluation.Row(row), contributions);
            for (int column = 0; column < width; column++)
            {
                AssertClose(native[(row * width) + column], contributions[column], 1e-5, row, column);
            }
        }
    }

    private static void AssertClose(double expected, double actual, double tolerance, int row, int column)
    {
        if (Math.Abs(expected - actual) > tolerance)
        {
            Assert.Fail($"Row {row}, column {column}: native {expected:R}, managed {actual:R}, difference {Math.Abs(expected - actual):E2} > {tolerance:E0}.");
        }
    }
}
