using Microsoft.ML.Data;

using RiskFlag.Core.Model;

namespace RiskFlag.Core.Features;

/// <summary>
/// What <see cref="ApplicantFeatureMapping"/> adds to each row: the normalised category keys the encoding tables
/// look up, and every feature read off the applicant alone, as columns named like the features.
/// </summary>
public sealed class DerivedFeatures
{
    [ColumnName(ModelColumns.CityKey)]
    public string CityKey { get; set; } = string.Empty;

    [ColumnName(ModelColumns.StateKey)]
    public string StateKey { get; set; } = string.Empty;

    [ColumnName(ModelColumns.ProfessionKey)]
    public string ProfessionKey { get; set; } = string.Empty;

    [ColumnName("income")]
    public float Income { get; set; }

    [ColumnName("age")]
    public float Age { get; set; }

    [ColumnName("experience")]
    public float Experience { get; set; }

    [ColumnName("current_job_yrs")]
    public float CurrentJobYears { get; set; }

    [ColumnName("current_house_yrs")]
    public float CurrentHouseYears { get; set; }

    [ColumnName("married")]
    public float Married { get; set; }

    [ColumnName("house_ownership")]
    public float HouseOwnership { get; set; }

    [ColumnName("car_ownership")]
    public float CarOwnership { get; set; }

    [ColumnName("profession_group")]
    public float ProfessionGroup { get; set; }

    [ColumnName("income_to_age")]
    public float IncomeToAge { get; set; }

    [ColumnName("income_to_experience")]
    public float IncomeToExperience { get; set; }

    [ColumnName("stability_score")]
    public float StabilityScore { get; set; }
}
