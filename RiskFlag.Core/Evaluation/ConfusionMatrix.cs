namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Weighted counts of a binary decision against the true labels. The counts are doubles because rows may carry
/// fractional or copy-count weights; with unit weights they are whole numbers.
/// </summary>
public sealed record ConfusionMatrix(double TruePositives, double FalsePositives, double TrueNegatives, double FalseNegatives)
{
    public double ActualPositives => TruePositives + FalseNegatives;

    public double ActualNegatives => TrueNegatives + FalsePositives;

    public double Total => ActualPositives + ActualNegatives;
}
