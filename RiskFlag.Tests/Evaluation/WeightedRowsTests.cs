using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

/// <summary>Rows collapsed into one row with a copy-count weight must evaluate exactly like the expanded rows.</summary>
public class WeightedRowsTests
{
    private const double Tolerance = 1e-9;

    [Theory]
    [InlineData(21, 0.35)]
    [InlineData(22, 0.6)]
    public void MetricsEqualThoseOfExpandedRows(int seed, double threshold)
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(500, seed, signal: 0.8, decimals: 2);
        float[] copies = ClassifierSamples.CopyCounts(scores.Length, seed);
        (float[] expandedScores, float[] expandedLabels) = ClassifierSamples.Expand(scores, labels, copies);

        BinaryMetrics weighted = BinaryClassificationEvaluator.Evaluate(scores, labels, copies, threshold);
        BinaryMetrics expanded = BinaryClassificationEvaluator.Evaluate(expandedScores, expandedLabels, [], threshold);

        Assert.Equal(expanded.RocAuc, weighted.RocAuc, Tolerance);
        Assert.Equal(expanded.PrAuc, weighted.PrAuc, Tolerance);
        Assert.Equal(expanded.LogLoss, weighted.LogLoss, Tolerance);
        Assert.Equal(expanded.Brier, weighted.Brier, Tolerance);
        Assert.Equal(expanded.Accuracy, weighted.Accuracy, Tolerance);
        Assert.Equal(expanded.Precision, weighted.Precision, Tolerance);
        Assert.Equal(expanded.Recall, weighted.Recall, Tolerance);
        Assert.Equal(expanded.F1, weighted.F1, Tolerance);
        Assert.Equal(expanded.Confusion, weighted.Confusion);
        Assert.Equal(expanded.Rows, weighted.Rows);
        Assert.Equal(expanded.Positives, weighted.Positives);
    }

    [Fact]
    public void BestF1ThresholdEqualsThatOfExpandedRows()
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(500, seed: 23, signal: 0.8, decimals: 2);
        float[] copies = ClassifierSamples.CopyCounts(scores.Length, seed: 23);
        (float[] expandedScores, float[] expandedLabels) = ClassifierSamples.Expand(scores, labels, copies);

        Assert.Equal(
            BinaryClassificationEvaluator.BestF1Threshold(expandedScores, expandedLabels, []),
            BinaryClassificationEvaluator.BestF1Threshold(scores, labels, copies));
    }

    [Fact]
    public void CurvesEqualThoseOfExpandedRows()
    {
        // Two decimals give at most 101 distinct scores, so neither curve is downsampled and all points compare.
        (float[] scores, float[] labels) = ClassifierSamples.Random(500, seed: 24, signal: 0.8, decimals: 2);
        float[] copies = ClassifierSamples.CopyCounts(scores.Length, seed: 24);
        (float[] expandedScores, float[] expandedLabels) = ClassifierSamples.Expand(scores, labels, copies);

        EvaluationCurves weighted = BinaryClassificationEvaluator.Curves(scores, labels, copies);
        EvaluationCurves expanded = BinaryClassificationEvaluator.Curves(expandedScores, expandedLabels, []);

        AssertSamePoints(expanded.Roc, weighted.Roc);
        AssertSamePoints(expanded.PrecisionRecall, weighted.PrecisionRecall);
        Assert.Equal(expanded.Calibration.Count, weighted.Calibration.Count);
        for (int i = 0; i < expanded.Calibration.Count; i++)
        {
            Assert.Equal(expanded.Calibration[i].MeanPredicted, weighted.Calibration[i].MeanPredicted, Tolerance);
            Assert.Equal(expanded.Calibration[i].ObservedRate, weighted.Calibration[i].ObservedRate, Tolerance);
            Assert.Equal(expanded.Calibration[i].Weight, weighted.Calibration[i].Weight);
        }
    }

    [Fact]
    public void ScalingAllWeightsLeavesRatesUnchanged()
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(300, seed: 25);
        float[] halves = [.. scores.Select(_ => 0.5f)];

        BinaryMetrics unweighted = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);
        BinaryMetrics halved = BinaryClassificationEvaluator.Evaluate(scores, labels, halves, 0.5);

        Assert.Equal(unweighted.RocAuc, halved.RocAuc, Tolerance);
        Assert.Equal(unweighted.PrAuc, halved.PrAuc, Tolerance);
        Assert.Equal(unweighted.LogLoss, halved.LogLoss, Tolerance);
        Assert.Equal(unweighted.F1, halved.F1, Tolerance);
        Assert.Equal(unweighted.Rows / 2.0, halved.Rows);
    }

    [Fact]
    public void ZeroWeightRowsAreIgnored()
    {
        // Without the zero-weight rows the example is the hand example.
        float[] scores = [.. ClassifierSamples.HandScores, 0.99f, 0.01f];
        float[] labels = [.. ClassifierSamples.HandLabels, 0f, 1f];
        float[] weights = [1f, 1f, 1f, 1f, 0f, 0f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, weights, 0.5);

        Assert.Equal(0.75, metrics.RocAuc, Tolerance);
        Assert.Equal(5.0 / 6.0, metrics.PrAuc, Tolerance);
        Assert.Equal(4.0, metrics.Rows);
    }

    private static void AssertSamePoints(IReadOnlyList<CurvePoint> expected, IReadOnlyList<CurvePoint> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].X, actual[i].X, Tolerance);
            Assert.Equal(expected[i].Y, actual[i].Y, Tolerance);
        }
    }
}
