using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class BestF1ThresholdTests
{
    [Fact]
    public void HandExamplePicksThresholdWithHighestF1()
    {
        // F1 at thresholds 0.8, 0.4, 0.35, 0.1 is 2/3, 1/2, 4/5, 2/3.
        double threshold = BinaryClassificationEvaluator.BestF1Threshold(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, []);

        Assert.Equal(0.35f, threshold);
        BinaryMetrics atBest = BinaryClassificationEvaluator.Evaluate(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, [], threshold);
        Assert.Equal(0.8, atBest.F1, 1e-12);
    }

    [Fact]
    public void EquallyGoodThresholdsPreferTheHighest()
    {
        // F1 is 2/3 both when flagging only 0.9 and when flagging everything.
        float[] scores = [0.9f, 0.7f, 0.6f, 0.2f];
        float[] labels = [1f, 0f, 0f, 1f];

        double threshold = BinaryClassificationEvaluator.BestF1Threshold(scores, labels, []);

        Assert.Equal(0.9f, threshold);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void NoDistinctScoreGivesHigherF1(int seed)
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(2_000, seed, signal: 0.7, decimals: 2);

        double best = BinaryClassificationEvaluator.BestF1Threshold(scores, labels, []);

        double bestF1 = BinaryClassificationEvaluator.Evaluate(scores, labels, [], best).F1;
        foreach (float candidate in scores.Distinct())
        {
            Assert.True(BinaryClassificationEvaluator.Evaluate(scores, labels, [], candidate).F1 <= bestF1 + 1e-12);
        }
    }

    [Fact]
    public void WeightsChangeTheBestThreshold()
    {
        // Unweighted the best is 0.35 (F1 0.8); five copies of the negative at 0.4 make flagging below 0.8 costly.
        float[] weights = [1f, 5f, 1f, 1f];

        double threshold = BinaryClassificationEvaluator.BestF1Threshold(ClassifierSamples.HandScores, ClassifierSamples.HandLabels, weights);

        Assert.Equal(0.8f, threshold);
    }

    [Fact]
    public void AllPositiveFlagsEverything()
    {
        float[] scores = [0.3f, 0.6f, 0.2f];
        float[] labels = [1f, 1f, 1f];

        Assert.Equal(0.2f, BinaryClassificationEvaluator.BestF1Threshold(scores, labels, []));
    }

    [Fact]
    public void NoPositivesGivesNaN()
    {
        Assert.True(double.IsNaN(BinaryClassificationEvaluator.BestF1Threshold([0.3f, 0.6f], [0f, 0f], [])));
        Assert.True(double.IsNaN(BinaryClassificationEvaluator.BestF1Threshold([], [], [])));
    }
}
