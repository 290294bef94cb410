using System.Globalization;

namespace RiskFlag.Core.Features;

/// <summary>One model input: how it is computed and how its effect is put into words for a loan officer.</summary>
public sealed record FeatureDefinition(
    string Name,
    string Description,
    Func<EncodedApplicant, float> Compute,
    Func<EncodedApplicant, string> Explain)
{
    internal static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
}
