namespace RiskFlag.Core.Parsing;

/// <summary>
/// Maps the header spellings seen in real files (Kaggle's, pandas exports, the web form's snake_case)
/// to one canonical field, and back to the canonical column name used in messages and outputs.
/// </summary>
public static class ApplicantColumns
{
    public const int Count = 13;

    private static readonly string[] CanonicalNames =
    [
        "Id", "Income", "Age", "Experience", "Married/Single", "House_Ownership", "Car_Ownership",
        "Profession", "CITY", "STATE", "CURRENT_JOB_YRS", "CURRENT_HOUSE_YRS", "Risk_Flag",
    ];

    private static readonly Dictionary<string, ApplicantField> Aliases = new(StringComparer.Ordinal)
    {
        ["id"] = ApplicantField.Id,
        ["income"] = ApplicantField.Income,
        ["age"] = ApplicantField.Age,
        ["experience"] = ApplicantField.Experience,
        ["married/single"] = ApplicantField.Married,
        ["married_single"] = ApplicantField.Married,
        ["married"] = ApplicantField.Married,
        ["marital_status"] = ApplicantField.Married,
        ["house_ownership"] = ApplicantField.HouseOwnership,
        ["car_ownership"] = ApplicantField.CarOwnership,
        ["profession"] = ApplicantField.Profession,
        ["city"] = ApplicantField.City,
        ["state"] = ApplicantField.State,
        ["current_job_yrs"] = ApplicantField.CurrentJobYears,
        ["current_job_years"] = ApplicantField.CurrentJobYears,
        ["current_house_yrs"] = ApplicantField.CurrentHouseYears,
        ["current_house_years"] = ApplicantField.CurrentHouseYears,
        ["risk_flag"] = ApplicantField.RiskFlag,
    };

    /// <summary>The canonical column name, as written in the Kaggle header.</summary>
    public static string NameOf(ApplicantField field) => CanonicalNames[(int)field];

    /// <summary>The web form's snake_case name of a field.</summary>
    public static string FormNameOf(ApplicantField field) => field switch
    {
        ApplicantField.Married => "married",
        ApplicantField.CurrentJobYears => "current_job_yrs",
        ApplicantField.CurrentHouseYears => "current_house_yrs",
        _ => NameOf(field).ToLowerInvariant(),
    };

    /// <summary>Recognises a header cell; false for unnamed (pandas index) and unknown columns.</summary>
    public static bool TryResolve(string header, out ApplicantField field)
    {
        var key = header.Trim().Trim('\uFEFF').Trim().ToLowerInvariant().Replace(' ', '_');
        return Aliases.TryGetValue(key, out field);
    }

    /// <summary>The input fields every record needs (Id and the label are optional).</summary>
    public static IEnumerable<ApplicantField> RequiredInputs =>
        Enum.GetValues<ApplicantField>().Where(f => f is not ApplicantField.Id and not ApplicantField.RiskFlag);

    /// <summary>
    /// A JSON boolean as a cell: yes/no for car ownership, 1/0 for the label; elsewhere "true"/"false", so the validator
    /// reports the wrong type ("true is not a whole number") rather than range-checking a number nobody sent.
    /// </summary>
    public static string BooleanText(ApplicantField? field, bool value) => field switch
    {
        ApplicantField.CarOwnership => value ? "yes" : "no",
        ApplicantField.RiskFlag => value ? "1" : "0",
        _ => value ? "true" : "false",
    };
}
