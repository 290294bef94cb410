using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class ProbabilityLossTests
{
    [Fact]
    public void LogLossIsMeanCrossEntropy()
    {
        float[] scores = [0.8f, 0.3f];
        float[] labels = [1f, 0f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        double expected = -(Math.Log(0.8f) + Math.Log(1.0 - 0.3f)) / 2.0;
        Assert.Equal(expected, metrics.LogLoss, 1e-12);
        Assert.Equal(0.289909, metrics.LogLoss, 1e-6);
    }

    [Fact]
    public void BrierIsMeanSquaredError()
    {
        float[] scores = [0.8f, 0.3f];
        float[] labels = [1f, 0f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.Equal(0.065, metrics.Brier, 1e-7);
    }

    [Fact]
    public void ConfidentMistakesAreClippedToFiniteLoss()
    {
        float[] scores = [0f, 1f];
        float[] labels = [1f, 0f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.Equal(-Math.Log(1e-15), metrics.LogLoss, 1e-3);
        Assert.Equal(1.0, metrics.Brier);
    }

    [Fact]
    public void PerfectConfidentPredictionsHaveNearZeroLoss()
    {
        float[] scores = [0f, 1f, 1f];
        float[] labels = [0f, 1f, 1f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.InRange(metrics.LogLoss, 0.0, 1e-14);
        Assert.Equal(0.0, metrics.Brier);
    }

    [Fact]
    public void WeightsWeighTheMean()
    {
        float[] scores = [0.8f, 0.3f];
        float[] labels = [1f, 0f];
        float[] weights = [3f, 1f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, weights, 0.5);

        double expected = -((3.0 * Math.Log(0.8f)) + Math.Log(1.0 - 0.3f)) / 4.0;
        Assert.Equal(expected, metrics.LogLoss, 1e-12);
        Assert.Equal(((3.0 * 0.04) + 0.09) / 4.0, metrics.Brier, 1e-7);
    }
}
