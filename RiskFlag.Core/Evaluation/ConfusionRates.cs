namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Rates derived from a confusion matrix. An undefined precision, recall or F1 (zero denominator) is reported as 0,
/// sklearn's default, so that "flag nothing" scores as useless rather than poisoning averages with NaN.
/// </summary>
internal static class ConfusionRates
{
    public static double Accuracy(ConfusionMatrix matrix)
    {
        return (matrix.TruePositives + matrix.TrueNegatives) / matrix.Total;
    }

    public static double Precision(ConfusionMatrix matrix)
    {
        return RatioOrZero(matrix.TruePositives, matrix.TruePositives + matrix.FalsePositives);
    }

    public static double Recall(ConfusionMatrix matrix)
    {
        return RatioOrZero(matrix.TruePositives, matrix.ActualPositives);
    }

    public static double F1(ConfusionMatrix matrix)
    {
        // 2TP / (2TP + FP + FN) is the harmonic mean of precision and recall without their 0/0 cases.
        return RatioOrZero(
            2.0 * matrix.TruePositives,
            matrix.TruePositives + matrix.FalsePositives + matrix.ActualPositives);
    }

    private static double RatioOrZero(double numerator, double denominator)
    {
        return denominator > 0.0 ? numerator / denominator : 0.0;
    }
}
