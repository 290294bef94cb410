namespace RiskFlag.Core.Evaluation;

/// <summary>Threshold-free metrics of how well the scores separate positives from negatives.</summary>
internal static class RankingMetrics
{
    /// <summary>
    /// Trapezoidal area under the ROC curve over distinct thresholds, which equals the probability that a random
    /// positive outranks a random negative with ties counted as one half.
    /// </summary>
    public static double RocAuc(ScoreRanking ranking)
    {
        if (!ranking.HasBothClasses)
        {
            return double.NaN;
        }

        ReadOnlySpan<double> truePositives = ranking.CumulativePositive;
        ReadOnlySpan<double> falsePositives = ranking.CumulativeNegative;
        double area = 0.0;
        double previousTruePositives = 0.0;
        double previousFalsePositives = 0.0;
        for (int i = 0; i < ranking.Count; i++)
        {
            area += (falsePositives[i] - previousFalsePositives) * (truePositives[i] + previousTruePositives) / 2.0;
            previousTruePositives = truePositives[i];
            previousFalsePositives = falsePositives[i];
        }

        return area / (ranking.TotalPositive * ranking.TotalNegative);
    }

    /// <summary>
    /// Average precision as sklearn defines it: the sum over thresholds of (R_n - R_{n-1}) * P_n, i.e. a step
    /// function rather than a trapezoid, which would overstate the area by interpolating precision linearly.
    /// </summary>
    public static double AveragePrecision(ScoreRanking ranking)
    {
        if (!ranking.HasBothClasses)
        {
            return double.NaN;
        }

        ReadOnlySpan<double> truePositives = ranking.CumulativePositive;
        ReadOnlySpan<double> falsePositives = ranking.CumulativeNegative;
        double sum = 0.0;
        double previousTruePositives = 0.0;
        for (int i = 0; i < ranking.Count; i++)
        {
            double recallGain = truePositives[i] - previousTruePositives;
            if (recallGain > 0.0)
            {
                sum += recallGain * (truePositives[i] / (truePositives[i] + falsePositives[i]));
            }

            previousTruePositives = truePositives[i];
        }

        return sum / ranking.TotalPositive;
    }
}
