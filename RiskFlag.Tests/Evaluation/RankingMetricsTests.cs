using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class RankingMetricsTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void HandExampleGivesRocAucThreeQuarters()
    {
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, [], 0.5);

        Assert.Equal(0.75, metrics.RocAuc, Tolerance);
    }

    [Fact]
    public void HandExampleGivesAveragePrecisionFiveSixths()
    {
        // Recall 0.5 at precision 1 (threshold 0.8), recall 1 at precision 2/3 (threshold 0.35).
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, [], 0.5);

        Assert.Equal(5.0 / 6.0, metrics.PrAuc, Tolerance);
    }

    [Fact]
    public void TiedPositiveAndNegativeCountAsHalfAPair()
    {
        // Pairs (positive vs negative): 0.5~0.5 tie, 0.5>0.2, 0.9>0.5, 0.9>0.2, so AUC = 3.5 / 4.
        float[] scores = [0.5f, 0.5f, 0.2f, 0.9f];
        float[] labels = [0f, 1f, 0f, 1f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.Equal(0.875, metrics.RocAuc, Tolerance);
        Assert.Equal(5.0 / 6.0, metrics.PrAuc, Tolerance);
    }

    [Fact]
    public void AllScoresTiedGivesRocAucHalfAndAveragePrecisionBaseRate()
    {
        float[] scores = [0.3f, 0.3f, 0.3f, 0.3f, 0.3f];
        float[] labels = [1f, 0f, 0f, 1f, 0f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.Equal(0.5, metrics.RocAuc, Tolerance);
        Assert.Equal(0.4, metrics.PrAuc, Tolerance);
    }

    [Fact]
    public void PerfectRankingGivesOne()
    {
        float[] scores = [0.1f, 0.2f, 0.3f, 0.7f, 0.9f];
        float[] labels = [0f, 0f, 0f, 1f, 1f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.Equal(1.0, metrics.RocAuc, Tolerance);
        Assert.Equal(1.0, metrics.PrAuc, Tolerance);
    }

    [Fact]
    public void ReversedRankingGivesRocAucZero()
    {
        float[] scores = [0.9f, 0.8f, 0.2f, 0.1f];
        float[] labels = [0f, 0f, 1f, 1f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.Equal(0.0, metrics.RocAuc, Tolerance);
        // Both positives come last: precision 1/3 at recall 1/2, then 2/4 at recall 1.
        Assert.Equal((0.5 / 3.0) + (0.5 * 0.5), metrics.PrAuc, Tolerance);
    }

    [Fact]
    public void ScoresUnrelatedToLabelsGiveRocAucNearHalfAndAveragePrecisionNearBaseRate()
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(100_000, seed: 7, signal: 0.0, decimals: 4, positiveRate: 0.2);

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.InRange(metrics.RocAuc, 0.49, 0.51);
        Assert.InRange(metrics.PrAuc, metrics.Positives / metrics.Rows - 0.01, metrics.Positives / metrics.Rows + 0.01);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomDataWithTiesMatchesLiteralDefinitions(int seed)
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(400, seed, signal: 0.8, decimals: 1);

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.Equal(ReferenceMetrics.PairwiseRocAuc(scores, labels), metrics.RocAuc, 1e-9);
        Assert.Equal(ReferenceMetrics.AveragePrecision(scores, labels), metrics.PrAuc, 1e-9);
    }

    [Theory]
    [InlineData(new float[] { 0f, 0f, 0f })]
    [InlineData(new float[] { 1f, 1f, 1f })]
    public void SingleClassGivesNaNAucs(float[] labels)
    {
        float[] scores = [0.2f, 0.5f, 0.9f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        Assert.True(double.IsNaN(metrics.RocAuc));
        Assert.True(double.IsNaN(metrics.PrAuc));
        Assert.True(double.IsFinite(metrics.LogLoss));
    }

    [Fact]
    public void EmptyInputGivesNaNInsteadOfThrowing()
    {
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate([], [], [], 0.5);

        Assert.True(double.IsNaN(metrics.RocAuc));
        Assert.True(double.IsNaN(metrics.PrAuc));
        Assert.True(double.IsNaN(metrics.LogLoss));
        Assert.True(double.IsNaN(metrics.Brier));
        Assert.True(double.IsNaN(metrics.Accuracy));
        Assert.Equal(0.0, metrics.Rows);
        Assert.Equal(0.0, metrics.Positives);
    }
}
