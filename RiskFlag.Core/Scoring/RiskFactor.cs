using System.Globalization;

namespace RiskFlag.Core.Scoring;

/// <summary>One reason for a score: a feature, in words, and how far it moved the log-odds of default (exact SHAP value).</summary>
public sealed record RiskFactor(string Feature, string Description, double Contribution)
{
    public override string ToString() => $"{Description}: {Contribution.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}";
}
