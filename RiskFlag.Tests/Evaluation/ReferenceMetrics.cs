namespace RiskFlag.Tests.Evaluation;

/// <summary>
/// Slow, literal implementations of the metric definitions (every pair, every threshold), used to check the
/// single-sort implementation on data with many ties.
/// </summary>
internal static class ReferenceMetrics
{
    /// <summary>P(positive outranks negative) + 0.5 P(tie), over all weighted pairs.</summary>
    public static double PairwiseRocAuc(float[] scores, float[] labels)
    {
        double concordant = 0.0;
        double pairs = 0.0;
        for (int i = 0; i < scores.Length; i++)
        {
            for (int j = 0; j < scores.Length; j++)
            {
                if (labels[i] == 1f && labels[j] == 0f)
                {
                    pairs++;
                    concordant += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
                }
            }
        }

        return concordant / pairs;
    }

    /// <summary>sklearn's average precision: sum over distinct thresholds of (R_n - R_{n-1}) * P_n.</summary>
    public static double AveragePrecision(float[] scores, float[] labels)
    {
        double positives = labels.Count(label => label == 1f);
        double sum = 0.0;
        double previousRecall = 0.0;
        foreach (float threshold in scores.Distinct().OrderDescending())
        {
            double truePositives = 0.0;
            double flagged = 0.0;
            for (int i = 0; i < scores.Length; i++)
            {
                if (scores[i] >= threshold)
                {
                    flagged++;
                    truePositives += labels[i];
                }
            }

            double recall = truePositives / positives;
            sum += (recall - previousRecall) * (truePositives / flagged);
            previousRecall = recall;
        }

        return sum;
    }
}
