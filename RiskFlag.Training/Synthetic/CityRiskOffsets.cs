using System.Collections.Frozen;

using RiskFlag.Core.Vocabulary;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// Each city's log-odds offset in the risk process: logit(real city risk rate) − logit(real overall
/// rate). Cities that defaulted more often in the real data stay riskier in the synthetic data.
/// </summary>
internal static class CityRiskOffsets
{
    private static readonly FrozenDictionary<string, double> ByCity = KnownCities.All.ToFrozenDictionary(
        city => city.Name,
        city => Logistic.Logit(city.RiskRate) - Logistic.Logit(KnownCities.OverallRiskRate),
        StringComparer.Ordinal);

    /// <summary>The city's offset, or 0 for a city the real data does not know.</summary>
    public static double For(string city)
    {
        return ByCity.GetValueOrDefault(city);
    }
}
