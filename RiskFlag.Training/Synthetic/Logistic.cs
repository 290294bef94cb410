namespace RiskFlag.Training.Synthetic;

/// <summary>The logistic link between log-odds and probabilities.</summary>
internal static class Logistic
{
    public static double Logit(double probability)
    {
        return Math.Log(probability / (1.0 - probability));
    }

    public static double Sigmoid(double logOdds)
    {
        return 1.0 / (1.0 + Math.Exp(-logOdds));
    }
}
