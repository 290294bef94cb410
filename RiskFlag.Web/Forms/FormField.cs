using RiskFlag.Core.Parsing;

namespace RiskFlag.Web.Forms;

/// <summary>One input of the applicant form: its field, the label the old page used, and the subject its messages start with.</summary>
public sealed record FormField(ApplicantField Field, string Label, string Subject)
{
    public string Name => ApplicantColumns.FormNameOf(Field);
}

public static class FormFields
{
    public static readonly FormField Income = new(ApplicantField.Income, "Annual Income (₹)", "Annual income");
    public static readonly FormField Age = new(ApplicantField.Age, "Age (years)", "Age");
    public static readonly FormField Experience = new(ApplicantField.Experience, "Work Experience (years)", "Work experience");
    public static readonly FormField CurrentJobYears = new(ApplicantField.CurrentJobYears, "Years in Current Job", "Years in current job");
    public static readonly FormField CurrentHouseYears = new(ApplicantField.CurrentHouseYears, "Years in Current House", "Years in current house");
    public static readonly FormField City = new(ApplicantField.City, "City", "City");
    public static readonly FormField State = new(ApplicantField.State, "State", "State");
    public static readonly FormField Married = new(ApplicantField.Married, "Marital Status", "Marital status");
    public static readonly FormField HouseOwnership = new(ApplicantField.HouseOwnership, "House Ownership", "House ownership");
    public static readonly FormField CarOwnership = new(ApplicantField.CarOwnership, "Car Ownership", "Car ownership");
    public static readonly FormField Profession = new(ApplicantField.Profession, "Profession", "Profession");

    public static readonly IReadOnlyList<FormField> All =
        [Income, Age, Experience, CurrentJobYears, CurrentHouseYears, City, State, Married, HouseOwnership, CarOwnership, Profession];

    public static FormField? Find(string name)
    {
        foreach (var field in All)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }
}
