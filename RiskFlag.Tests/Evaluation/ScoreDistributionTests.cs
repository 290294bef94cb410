using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class ScoreDistributionTests
{
    [Fact]
    public void Each_class_is_spread_over_equal_width_bins_as_shares_of_its_weight()
    {
        float[] scores = [0.05f, 0.12f, 0.12f, 0.55f, 0.95f, 1.0f];
        float[] labels = [0f, 0f, 1f, 0f, 1f, 1f];
        float[] weights = [1f, 3f, 1f, 4f, 2f, 1f];

        ScoreDistribution distribution = BinaryClassificationEvaluator.ScoreDistribution(scores, labels, weights, bins: 10);

        Assert.Equal(0.1, distribution.BinWidth, 12);
        Assert.Equal(8, distribution.NegativeWeight);
        Assert.Equal(4, distribution.PositiveWeight);
        Assert.Equal([1 / 8.0, 3 / 8.0, 0, 0, 0, 4 / 8.0, 0, 0, 0, 0], distribution.Negatives);
        // Probability 1 lands in the top bin with 0.95, not in a bin past the end.
        Assert.Equal([0, 1 / 4.0, 0, 0, 0, 0, 0, 0, 0, 3 / 4.0], distribution.Positives);
        Assert.Equal(0.95, distribution.Center(9), 12);
    }

    [Fact]
    public void A_missing_class_has_zero_shares_rather_than_nan()
    {
        ScoreDistribution distribution = BinaryClassificationEvaluator.ScoreDistribution([0.2f, 0.7f], [0f, 0f], [], bins: 4);

        Assert.Equal(0, distribution.PositiveWeight);
        Assert.All(distribution.Positives, share => Assert.Equal(0, share));
        Assert.Equal(1, distribution.Negatives.Sum(), 12);
    }

    [Fact]
    public void Random_data_sums_to_one_per_class()
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(5_000, seed: 3);

        ScoreDistribution distribution = BinaryClassificationEvaluator.ScoreDistribution(scores, labels, []);

        Assert.Equal(20, distribution.Negatives.Count);
        Assert.Equal(1, distribution.Negatives.Sum(), 9);
        Assert.Equal(1, distribution.Positives.Sum(), 9);
        Assert.Equal(5_000, distribution.NegativeWeight + distribution.PositiveWeight);
    }

    [Fact]
    public void Fewer_than_one_bin_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryClassificationEvaluator.ScoreDistribution([0.5f], [1f], [], bins: 0));
    }
}
