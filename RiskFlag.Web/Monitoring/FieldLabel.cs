using RiskFlag.Core.Parsing;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// The field label of the validation and rejection metrics: the snake_case name the form and the API use. Only
/// known fields and "row" pass; anything else becomes "other", so a label can never carry text from the input.
/// </summary>
public static class FieldLabel
{
    public const string Row = "row";
    public const string Other = "other";

    public static string Of(string canonicalField) =>
        ApplicantColumns.TryResolve(canonicalField, out var field) ? ApplicantColumns.FormNameOf(field)
        : canonicalField == Row ? Row
        : Other;
}
