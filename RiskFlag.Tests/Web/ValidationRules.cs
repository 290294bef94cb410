namespace RiskFlag.Tests.Web;

/// <summary>
/// One bad value per rule of the core validator, with the field it must be reported on and a piece of the message.
/// The base applicant is 23 years old with 3 years of experience.
/// </summary>
public static class ValidationRules
{
    public static TheoryData<string, string?, string> Cases => new()
    {
        { "income", "abc", "'abc' is not a number" },
        { "income", "-5", "is negative" },
        { "income", "2000000000", "above the maximum" },
        { "income", null, "is missing" },
        { "age", "17", "outside the allowed range 18–100" },
        { "age", "30.5", "not a whole number" },
        { "age", "", "is missing" },
        { "experience", "20", "20 years of experience is more than the age 18" },
        { "experience", "83", "outside the allowed range 0–82" },
        { "current_job_yrs", "10", "10 years in the current job is more than the 3 years of experience" },
        { "current_house_yrs", "30", "30 years in the current house is more than the age 23" },
        { "married", "divorced", "'divorced' is not one of: single or married" },
        { "house_ownership", "leased", "'leased' is not one of: rented, owned or norent_noown" },
        { "car_ownership", "maybe", "'maybe' is not one of: yes or no" },
        { "profession", null, "is missing" },
        { "city", "", "is missing" },
        { "state", new string('x', 101), "longer than 100 characters" },
    };

    /// <summary>The applicant for a case; the experience-versus-age case also lowers the age so only that rule fails.</summary>
    public static Dictionary<string, string> Applicant(string field, string? value)
    {
        var applicant = Applicants.With(field, value);
        if (field == "experience" && value == "20")
        {
            applicant["age"] = "18";
            applicant["current_house_yrs"] = "10";
        }

        return applicant;
    }
}
