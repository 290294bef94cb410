namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Finds the decision threshold with the highest F1. Only the distinct scores need checking: between two of them
/// the flagged set, and so F1, does not change.
/// </summary>
internal static class F1ThresholdSearch
{
    /// <returns>
    /// The highest score s such that "flag when p &gt;= s" maximises F1 (the highest, because among equally good
    /// thresholds it flags the fewest rows); NaN when there are no positives, since F1 is then 0 everywhere.
    /// </returns>
    public static double BestThreshold(ScoreRanking ranking)
    {
        double positives = ranking.TotalPositive;
        if (positives <= 0.0)
        {
            return double.NaN;
        }

        ReadOnlySpan<double> truePositives = ranking.CumulativePositive;
        ReadOnlySpan<double> falsePositives = ranking.CumulativeNegative;
        double bestF1 = -1.0;
        double bestThreshold = double.NaN;
        for (int i = 0; i < ranking.Count; i++)
        {
            // F1 = 2TP / (2TP + FP + FN) and FN = positives - TP.
            double f1 = 2.0 * truePositives[i] / (truePositives[i] + falsePositives[i] + positives);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                bestThreshold = ranking.Thresholds[i];
            }
        }

        return bestThreshold;
    }
}
