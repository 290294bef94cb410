using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class ThresholdMetricsTests
{
    [Fact]
    public void ConfusionMatrixCountsEachOutcome()
    {
        // Flagged at 0.5: 0.8 (positive). Not flagged: 0.1, 0.4 (negatives), 0.35 (positive).
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, [], 0.5);

        Assert.Equal(new ConfusionMatrix(TruePositives: 1, FalsePositives: 0, TrueNegatives: 2, FalseNegatives: 1), metrics.Confusion);
        Assert.Equal(0.75, metrics.Accuracy);
        Assert.Equal(1.0, metrics.Precision);
        Assert.Equal(0.5, metrics.Recall);
        Assert.Equal(2.0 / 3.0, metrics.F1, 1e-12);
        Assert.Equal(0.5, metrics.Threshold);
        Assert.Equal(4.0, metrics.Rows);
        Assert.Equal(2.0, metrics.Positives);
    }

    [Fact]
    public void ProbabilityEqualToThresholdIsFlagged()
    {
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, [], 0.35f);

        Assert.Equal(new ConfusionMatrix(TruePositives: 2, FalsePositives: 1, TrueNegatives: 1, FalseNegatives: 0), metrics.Confusion);
        Assert.Equal(2.0 / 3.0, metrics.Precision, 1e-12);
        Assert.Equal(1.0, metrics.Recall);
        Assert.Equal(0.8, metrics.F1, 1e-12);
    }

    [Fact]
    public void ThresholdAboveAllScoresFlagsNothingAndReportsZeroPrecision()
    {
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, [], 0.95);

        Assert.Equal(new ConfusionMatrix(TruePositives: 0, FalsePositives: 0, TrueNegatives: 2, FalseNegatives: 2), metrics.Confusion);
        Assert.Equal(0.0, metrics.Precision);
        Assert.Equal(0.0, metrics.Recall);
        Assert.Equal(0.0, metrics.F1);
        Assert.Equal(0.5, metrics.Accuracy);
    }

    [Fact]
    public void WeightedRowsAddTheirWeightToTheirCell()
    {
        float[] weights = [2f, 0.5f, 3f, 1.5f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, weights, 0.5);

        Assert.Equal(new ConfusionMatrix(TruePositives: 1.5, FalsePositives: 0, TrueNegatives: 2.5, FalseNegatives: 3), metrics.Confusion);
        Assert.Equal(7.0, metrics.Rows);
        Assert.Equal(4.5, metrics.Positives);
        Assert.Equal(4.0 / 7.0, metrics.Accuracy, 1e-12);
    }
}
