using RiskFlag.Core.Engine;

namespace RiskFlag.Tests.Engine;

public sealed class EarlyStoppingTests
{
    [Theory]
    [InlineData("[0]\tvalidation-logloss:0.69314718\tvalidation-auc:0.5", "logloss", 0.69314718)]
    [InlineData("[12]\tvalidation-auc:0.91", "auc", 0.91)]
    [InlineData("[3]\ttrain-error:0.2\tvalidation-map@5:0.75", "map@5", 0.75)]
    public void FirstValidationMetricIsParsed(string line, string metric, double score)
    {
        EvaluationLine parsed = EvaluationLine.ParseFirstMetric(line, "validation");

        Assert.Equal(metric, parsed.MetricName);
        Assert.Equal(score, parsed.Score);
    }

    [Fact]
    public void LineWithoutTheDataSetIsAFormatError()
    {
        Assert.Throws<FormatException>(() => EvaluationLine.ParseFirstMetric("[0]\ttrain-logloss:0.5", "validation"));
    }

    [Theory]
    [InlineData("auc", true)]
    [InlineData("aucpr", true)]
    [InlineData("ndcg@10", true)]
    [InlineData("logloss", false)]
    [InlineData("error", false)]
    [InlineData("rmse", false)]
    public void DirectionFollowsTheMetric(string metric, bool maximized)
    {
        Assert.Equal(maximized, EarlyStopping.IsMaximized(metric));
    }

    [Fact]
    public void StopsAfterPatienceRoundsWithoutStrictImprovement()
    {
        var stopping = new EarlyStopping(patience: 2);
        double[] losses = [0.6, 0.5, 0.5, 0.55];

        bool[] stops = [.. losses.Select((loss, i) => stopping.Observe(i, new EvaluationLine("logloss", loss)))];

        Assert.Equal([false, false, false, true], stops);
        Assert.Equal(1, stopping.BestIteration);
        Assert.Equal(0.5, stopping.BestScore);
    }

    [Fact]
    public void LargerIsBetterForAuc()
    {
        var stopping = new EarlyStopping(patience: 5);

        stopping.Observe(0, new EvaluationLine("auc", 0.7));
        stopping.Observe(1, new EvaluationLine("auc", 0.8));
        stopping.Observe(2, new EvaluationLine("auc", 0.75));

        Assert.Equal(1, stopping.BestIteration);
    }
}
