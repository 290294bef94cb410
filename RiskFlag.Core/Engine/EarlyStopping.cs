namespace RiskFlag.Core.Engine;

/// <summary>
/// Tracks the best validation score and says when <see cref="Patience"/> rounds have passed without a strict
/// improvement; the same rule as the Python package's EarlyStopping callback (min_delta = 0).
/// </summary>
internal sealed class EarlyStopping
{
    // Metrics where larger is better, as the Python package lists them; the "@k" suffix is ignored.
    private static readonly HashSet<string> MaximizedMetrics = new(StringComparer.Ordinal) { "auc", "aucpr", "pre", "map", "ndcg" };

    public EarlyStopping(int patience)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience);
        Patience = patience;
    }

    public int Patience { get; }

    public int BestIteration { get; private set; } = -1;

    public double? BestScore { get; private set; }

    /// <summary>Records the score of <paramref name="iteration"/> and returns true when training should stop.</summary>
    public bool Observe(int iteration, EvaluationLine evaluation)
    {
        if (BestScore is not double best || IsImprovement(evaluation, best))
        {
            BestScore = evaluation.Score;
            BestIteration = iteration;
            return false;
        }

        return iteration - BestIteration >= Patience;
    }

    internal static bool IsMaximized(string metricName)
    {
        int at = metricName.IndexOf('@', StringComparison.Ordinal);
        return MaximizedMetrics.Contains(at < 0 ? metricName : metricName[..at]);
    }

    private static bool IsImprovement(EvaluationLine evaluation, double best)
    {
        return IsMaximized(evaluation.MetricName) ? evaluation.Score > best : evaluation.Score < best;
    }
}
