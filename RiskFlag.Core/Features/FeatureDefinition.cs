using System.Globalization;

namespace RiskFlag.Core.Features;

/// <summary>One model input: its column name in the model, what it means and how its effect is put into words for a loan officer.</summary>
/// <param name="IsEncoded">True for the target encodings, whose values come from tables learned in training.</param>
public sealed record FeatureDefinition(
    string Name,
    string Description,
    bool IsEncoded,
    Func<FactorContext, string> Explain)
{
    internal static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
}
