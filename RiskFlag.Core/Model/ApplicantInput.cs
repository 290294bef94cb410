using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Model;

/// <summary>
/// The input row of the model zip: one applicant in the data's own spellings ("married", "norent_noown", "yes"),
/// so any program can score with <c>MLContext.Model.Load</c> and <c>CreatePredictionEngine&lt;ApplicantInput, RiskPrediction&gt;</c>.
/// Codes outside the known spellings become missing values; RiskFlag's own channels validate first.
/// </summary>
public sealed class ApplicantInput
{
    public double Income { get; set; }

    public int Age { get; set; }

    public int Experience { get; set; }

    public string MaritalStatus { get; set; } = "single";

    public string HouseOwnership { get; set; } = "rented";

    public string CarOwnership { get; set; } = "no";

    public string Profession { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public int CurrentJobYears { get; set; }

    public int CurrentHouseYears { get; set; }

    public static ApplicantInput From(Applicant applicant) => new ApplicantInput().Set(applicant);

    /// <summary>Overwrites this row with <paramref name="applicant"/>: lets a pooled row be reused.</summary>
    public ApplicantInput Set(Applicant applicant)
    {
        Income = applicant.Income;
        Age = applicant.Age;
        Experience = applicant.Experience;
        MaritalStatus = applicant.MaritalStatus.ToCode();
        HouseOwnership = applicant.HouseOwnership.ToCode();
        CarOwnership = applicant.OwnsCar.ToCarCode();
        Profession = applicant.Profession;
        City = applicant.City;
        State = applicant.State;
        CurrentJobYears = applicant.CurrentJobYears;
        CurrentHouseYears = applicant.CurrentHouseYears;
        return this;
    }
}
