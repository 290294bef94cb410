using System.Text.Json;

namespace RiskFlag.Core.Parsing;

/// <summary>
/// Which JSON values a field may hold, for both JSON readers: the cells are read as text, so without this an object
/// where a city belongs would become a city named after its JSON.
/// </summary>
public static class JsonValueTypes
{
    /// <returns>Why the value is the wrong type for the field, or null when it is not.</returns>
    public static string? Problem(ApplicantField field, JsonValueKind kind)
    {
        var text = field is ApplicantField.Profession or ApplicantField.City or ApplicantField.State;
        return kind switch
        {
            JsonValueKind.Object => $"expected {Expected(field, text)}, found an object",
            JsonValueKind.Array => $"expected {Expected(field, text)}, found an array",
            JsonValueKind.Number when text => "expected text, found a number",
            JsonValueKind.True or JsonValueKind.False when text || field == ApplicantField.Id => $"expected {Expected(field, text)}, found {(kind == JsonValueKind.True ? "true" : "false")}",
            _ => null,
        };
    }

    private static string Expected(ApplicantField field, bool text) => field switch
    {
        ApplicantField.Id => "text or a number",
        _ when text => "text",
        ApplicantField.Married or ApplicantField.HouseOwnership or ApplicantField.CarOwnership => "text",
        _ => "a number",
    };
}
