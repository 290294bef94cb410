namespace RiskFlag.Core.Evaluation;

/// <summary>Proper scoring rules that judge the probabilities themselves, not just their order.</summary>
internal static class ProbabilityLosses
{
    // Same clipping as sklearn, so a single confident mistake costs about 34.5 nats instead of infinity.
    private const double Epsilon = 1e-15;

    /// <summary>Weighted mean cross-entropy; NaN when there is no weight at all.</summary>
    public static double LogLoss(LabeledScores data)
    {
        double loss = 0.0;
        double totalWeight = 0.0;
        for (int row = 0; row < data.Count; row++)
        {
            double weight = data.Weight(row);
            double probability = Math.Clamp((double)data.Probability(row), Epsilon, 1.0 - Epsilon);
            loss -= weight * (data.IsPositive(row) ? Math.Log(probability) : Math.Log(1.0 - probability));
            totalWeight += weight;
        }

        return loss / totalWeight;
    }

    /// <summary>Weighted mean squared error of the probability against the 0/1 label; NaN when there is no weight.</summary>
    public static double Brier(LabeledScores data)
    {
        double squaredError = 0.0;
        double totalWeight = 0.0;
        for (int row = 0; row < data.Count; row++)
        {
            double weight = data.Weight(row);
            double error = data.Probability(row) - (data.IsPositive(row) ? 1.0 : 0.0);
            squaredError += weight * error * error;
            totalWeight += weight;
        }

        return squaredError / totalWeight;
    }
}
