namespace RiskFlag.Tests.Synthetic;

/// <summary>Area under the ROC curve by ranks (Mann–Whitney), ties counted as half.</summary>
internal static class RocAuc
{
    public static double Compute(double[] scores, int[] labels)
    {
        int[] order = [.. Enumerable.Range(0, scores.Length).OrderBy(i => scores[i])];
        double positiveRankSum = 0;
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            // Tied scores share the mean of their 1-based ranks.
            double meanRank = ((start + end) / 2.0) + 1;
            for (int i = start; i <= end; i++)
            {
                positiveRankSum += labels[order[i]] * meanRank;
            }

            start = end + 1;
        }

        long positives = labels.Count(label => label == 1);
        long negatives = labels.Length - positives;
        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }
}
