using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class ScoreOrderTests
{
    [Fact]
    public void SortDescendingOrdersAnyFiniteScoresLikeAComparisonSort()
    {
        Random random = new(61);
        float[] scores = [.. Enumerable.Range(0, 5_000).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 7))))];
        scores[0] = 0f;
        scores[1] = -0f;
        scores[2] = float.MaxValue;
        scores[3] = float.MinValue;
        scores[4] = float.Epsilon;
        ulong[] keys = [.. scores.Select((score, row) => ScoreOrder.Key(score, row))];

        ScoreOrder.SortDescending(keys);

        float[] sorted = [.. keys.Select(key => scores[ScoreOrder.Row(key)])];
        Assert.Equal(scores.OrderDescending(), sorted);
    }

    [Fact]
    public void SortDescendingKeepsTiedRowsInRowOrder()
    {
        float[] scores = [0.5f, 0.9f, 0.5f, 0.1f, 0.5f];
        ulong[] keys = [.. scores.Select((score, row) => ScoreOrder.Key(score, row))];

        ScoreOrder.SortDescending(keys);

        Assert.Equal([1, 0, 2, 4, 3], keys.Select(ScoreOrder.Row));
    }

    [Fact]
    public void NegativeAndPositiveZeroAreTheSameScore()
    {
        Assert.True(ScoreOrder.SameScore(ScoreOrder.Key(0f, 0), ScoreOrder.Key(-0f, 1)));

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate([0f, -0f], [1f, 0f], [], 0.5);

        Assert.Equal(0.5, metrics.RocAuc);
    }

    [Fact]
    public void RawMarginsOutsideZeroToOneRankCorrectly()
    {
        float[] margins = [-3.5f, 2.25f, -0.5f, 7f];
        float[] labels = [0f, 1f, 0f, 1f];

        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(margins, labels, [], 0.0);

        Assert.Equal(1.0, metrics.RocAuc);
        Assert.Equal(1.0, metrics.F1);
    }
}
