using RiskFlag.Core.Domain;

using static RiskFlag.Core.Features.FeatureDefinition;

namespace RiskFlag.Core.Features;

/// <summary>
/// Every feature the model can use, by name. A feature set in the params file picks from these. The values are
/// computed inside the model zip's transform chain: <see cref="ApplicantFeatureMapping"/> for those read off the
/// applicant, <see cref="FeaturePipeline"/>'s encoding tables for the three target encodings.
/// </summary>
public static class FeatureCatalog
{
    public const string CityRisk = "city_risk";
    public const string StateRisk = "state_risk";
    public const string ProfessionRisk = "profession_risk";

    private static readonly FeatureDefinition[] All =
    [
        new("income", "Annual income (₹)", false, c => $"Income ₹{Number(c.Applicant.Income)}"),
        new("age", "Age in years", false, c => $"Age {c.Applicant.Age}"),
        new("experience", "Years of work experience", false, c => $"Experience {c.Applicant.Experience} years"),
        new("current_job_yrs", "Years in the current job", false, c => $"{c.Applicant.CurrentJobYears} years in current job"),
        new("current_house_yrs", "Years in the current house", false, c => $"{c.Applicant.CurrentHouseYears} years in current house"),
        new("married", "1 when married", false, c => c.Applicant.MaritalStatus == MaritalStatus.Married ? "Married" : "Single"),
        new("house_ownership", "0 rented, 1 owned, 2 neither", false,
            c => $"House {c.Applicant.HouseOwnership.ToCode().Replace("norent_noown", "neither rented nor owned", StringComparison.Ordinal)}"),
        new("car_ownership", "1 when the applicant owns a car", false, c => c.Applicant.OwnsCar ? "Owns a car" : "No car"),
        new("profession_group", "One of eight profession groups (-1 unknown)", false,
            c => $"Profession group {ProfessionGroups.NameOf(ProfessionGroups.Of(TextNormalizer.Normalize(c.Applicant.Profession))).Replace('_', ' ')}"),
        new(ProfessionRisk, "Smoothed risk rate of the profession", true, c => $"Profession {TextNormalizer.Display(c.Applicant.Profession)}"),
        new(CityRisk, "Smoothed risk rate of the city (out-of-fold in training)", true,
            c => c.CityKnown ? $"City {TextNormalizer.Display(c.Applicant.City)}" : $"City {TextNormalizer.Display(c.Applicant.City)} (unknown, average used)"),
        new(StateRisk, "Smoothed risk rate of the state (out-of-fold in training)", true,
            c => c.StateKnown ? $"State {TextNormalizer.Display(c.Applicant.State)}" : $"State {TextNormalizer.Display(c.Applicant.State)} (unknown, average used)"),
        new("income_to_age", "Income divided by age", false, c => $"Income per year of age ₹{Number(c.Applicant.Income / c.Applicant.Age)}"),
        new("income_to_experience", "Income divided by (experience + 1)", false,
            c => $"Income per year of experience ₹{Number(c.Applicant.Income / (c.Applicant.Experience + 1))}"),
        new("stability_score", "Share of adult life spent in the current job and house", false,
            c => $"Stability score {Number(ApplicantFeatureMapping.StabilityScore(c.Applicant.Age, c.Applicant.CurrentJobYears, c.Applicant.CurrentHouseYears), "0.00")}"),
    ];

    private static readonly Dictionary<string, FeatureDefinition> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IReadOnlyList<FeatureDefinition> Features => All;

    public static bool TryGet(string name, out FeatureDefinition definition) => ByName.TryGetValue(name, out definition!);

    public static FeatureDefinition Get(string name) => TryGet(name, out var definition)
        ? definition
        : throw new ArgumentException($"unknown feature '{name}'; known features: {string.Join(", ", ByName.Keys)}", nameof(name));
}
