using RiskFlag.Core.Domain;

using static RiskFlag.Core.Features.FeatureDefinition;

namespace RiskFlag.Core.Features;

/// <summary>Every feature the pipeline can compute, by name. A feature set in the params file picks from these.</summary>
public static class FeatureCatalog
{
    private static readonly FeatureDefinition[] All =
    [
        new("income", "Annual income (₹)", e => (float)e.Applicant.Income, e => $"Income ₹{Number(e.Applicant.Income)}"),
        new("age", "Age in years", e => e.Applicant.Age, e => $"Age {e.Applicant.Age}"),
        new("experience", "Years of work experience", e => e.Applicant.Experience, e => $"Experience {e.Applicant.Experience} years"),
        new("current_job_yrs", "Years in the current job", e => e.Applicant.CurrentJobYears, e => $"{e.Applicant.CurrentJobYears} years in current job"),
        new("current_house_yrs", "Years in the current house", e => e.Applicant.CurrentHouseYears, e => $"{e.Applicant.CurrentHouseYears} years in current house"),
        new("married", "1 when married", e => e.Applicant.MaritalStatus == MaritalStatus.Married ? 1 : 0,
            e => e.Applicant.MaritalStatus == MaritalStatus.Married ? "Married" : "Single"),
        new("house_ownership", "0 rented, 1 owned, 2 neither", e => (int)e.Applicant.HouseOwnership,
            e => $"House {e.Applicant.HouseOwnership.ToCode().Replace("norent_noown", "neither rented nor owned", StringComparison.Ordinal)}"),
        new("car_ownership", "1 when the applicant owns a car", e => e.Applicant.OwnsCar ? 1 : 0,
            e => e.Applicant.OwnsCar ? "Owns a car" : "No car"),
        new("profession_group", "One of eight profession groups (-1 unknown)", e => e.ProfessionGroup,
            e => $"Profession group {ProfessionGroups.NameOf(e.ProfessionGroup).Replace('_', ' ')}"),
        new("profession_risk", "Smoothed risk rate of the profession", e => e.ProfessionRisk,
            e => $"Profession {TextNormalizer.Display(e.Applicant.Profession)}"),
        new("city_risk", "Smoothed risk rate of the city (out-of-fold in training)", e => e.CityRisk,
            e => e.CityKnown ? $"City {TextNormalizer.Display(e.Applicant.City)}" : $"City {TextNormalizer.Display(e.Applicant.City)} (unknown, average used)"),
        new("state_risk", "Smoothed risk rate of the state (out-of-fold in training)", e => e.StateRisk,
            e => e.StateKnown ? $"State {TextNormalizer.Display(e.Applicant.State)}" : $"State {TextNormalizer.Display(e.Applicant.State)} (unknown, average used)"),
        new("income_to_age", "Income divided by age", e => (float)(e.Applicant.Income / e.Applicant.Age),
            e => $"Income per year of age ₹{Number(e.Applicant.Income / e.Applicant.Age)}"),
        new("income_to_experience", "Income divided by (experience + 1)", e => (float)(e.Applicant.Income / (e.Applicant.Experience + 1)),
            e => $"Income per year of experience ₹{Number(e.Applicant.Income / (e.Applicant.Experience + 1))}"),
        new("stability_score", "Share of adult life spent in the current job and house",
            e => StabilityScore(e.Applicant), e => $"Stability score {Number(StabilityScore(e.Applicant), "0.00")}"),
    ];

    private static readonly Dictionary<string, FeatureDefinition> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IReadOnlyList<FeatureDefinition> Features => All;

    public static bool TryGet(string name, out FeatureDefinition definition) => ByName.TryGetValue(name, out definition!);

    public static FeatureDefinition Get(string name) => TryGet(name, out var definition)
        ? definition
        : throw new ArgumentException($"unknown feature '{name}'; known features: {string.Join(", ", ByName.Keys)}", nameof(name));

    // Years in the current job and house relative to the years since 18, capped at 1: a rough measure of how settled someone is.
    private static float StabilityScore(Applicant a) =>
        (float)Math.Min(1.0, (a.CurrentJobYears + a.CurrentHouseYears) / (2.0 * Math.Max(1, a.Age - 17)));
}
