namespace RiskFlag.Core.Evaluation;

/// <summary>Tallies the weighted outcomes of the decision "flag when probability &gt;= threshold".</summary>
internal static class ConfusionMatrixCounter
{
    public static ConfusionMatrix Count(LabeledScores data, double threshold)
    {
        double truePositives = 0.0;
        double falsePositives = 0.0;
        double trueNegatives = 0.0;
        double falseNegatives = 0.0;
        for (int row = 0; row < data.Count; row++)
        {
            double weight = data.Weight(row);
            bool flagged = data.Probability(row) >= threshold;
            if (data.IsPositive(row))
            {
                if (flagged)
                {
                    truePositives += weight;
                }
                else
                {
                    falseNegatives += weight;
                }
            }
            else if (flagged)
            {
                falsePositives += weight;
            }
            else
            {
                trueNegatives += weight;
            }
        }

        return new ConfusionMatrix(truePositives, falsePositives, trueNegatives, falseNegatives);
    }
}
