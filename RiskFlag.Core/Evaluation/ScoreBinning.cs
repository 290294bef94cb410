namespace RiskFlag.Core.Evaluation;

/// <summary>Per-class shares of the predictions in equal-width probability bins (see <see cref="ScoreDistribution"/>).</summary>
internal static class ScoreBinning
{
    public static ScoreDistribution ByClass(LabeledScores data, int binCount)
    {
        double[] negatives = new double[binCount];
        double[] positives = new double[binCount];
        double negativeWeight = 0.0;
        double positiveWeight = 0.0;
        for (int row = 0; row < data.Count; row++)
        {
            double weight = data.Weight(row);
            // Probability 1 belongs in the top bin, as in the calibration bins.
            int bin = Math.Min((int)(Math.Clamp((double)data.Probability(row), 0.0, 1.0) * binCount), binCount - 1);
            if (data.IsPositive(row))
            {
                positives[bin] += weight;
                positiveWeight += weight;
            }
            else
            {
                negatives[bin] += weight;
                negativeWeight += weight;
            }
        }

        // Shares, not counts: with rare defaults the positives' counts would be too small to see beside the negatives'.
        return new ScoreDistribution(1.0 / binCount, Shares(negatives, negativeWeight), Shares(positives, positiveWeight), negativeWeight, positiveWeight);
    }

    private static double[] Shares(double[] weights, double total) =>
        total > 0.0 ? [.. weights.Select(w => w / total)] : new double[weights.Length];
}
