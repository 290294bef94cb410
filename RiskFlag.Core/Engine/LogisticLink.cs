namespace RiskFlag.Core.Engine;

/// <summary>The link between margins and probabilities for binary:logistic.</summary>
internal static class LogisticLink
{
    public static double Sigmoid(double margin)
    {
        return 1.0 / (1.0 + Math.Exp(-margin));
    }

    /// <summary>
    /// XGBoost 1.7 stores base_score as a probability and turns it into the starting margin in float32
    /// (ProbToMargin); doing the same keeps the offset bit-identical.
    /// </summary>
    public static double Logit(float probability)
    {
        return probability is > 0f and < 1f
            ? -MathF.Log((1.0f / probability) - 1.0f)
            : throw new InvalidDataException($"XGBoost model JSON: base_score {probability} is not a probability.");
    }
}
