using System.Globalization;
using System.Text.Json.Nodes;

namespace RiskFlag.Tests.Web;

/// <summary>Applicants as the API and the form receive them (snake_case fields).</summary>
public static class Applicants
{
    public static Dictionary<string, string> Valid(int seed = 0) => new()
    {
        ["income"] = (1_303_834 + (seed * 7_919)).ToString(CultureInfo.InvariantCulture),
        ["age"] = (23 + (seed % 50)).ToString(CultureInfo.InvariantCulture),
        ["experience"] = (3 + (seed % 15)).ToString(CultureInfo.InvariantCulture),
        ["married"] = seed % 3 == 0 ? "married" : "single",
        ["house_ownership"] = (seed % 3) switch { 0 => "rented", 1 => "owned", _ => "norent_noown" },
        ["car_ownership"] = seed % 2 == 0 ? "no" : "yes",
        ["profession"] = seed % 2 == 0 ? "Mechanical_engineer" : "Software_Developer",
        ["city"] = seed % 4 == 0 ? "Rewa" : "Bhubaneswar",
        ["state"] = seed % 4 == 0 ? "Madhya_Pradesh" : "Odisha",
        ["current_job_yrs"] = (seed % 4).ToString(CultureInfo.InvariantCulture),
        ["current_house_yrs"] = (10 + (seed % 5)).ToString(CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string> With(string field, string? value)
    {
        var applicant = Valid();
        if (value is null)
        {
            applicant.Remove(field);
        }
        else
        {
            applicant[field] = value;
        }

        return applicant;
    }

    /// <summary>As a JSON object, numbers as JSON numbers where they parse (the API accepts strings too).</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> applicant)
    {
        var json = new JsonObject();
        foreach (var (key, value) in applicant)
        {
            json[key] = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && key is not "city" and not "state" and not "profession"
                ? JsonValue.Create(number)
                : JsonValue.Create(value);
        }

        return json;
    }

    /// <summary>Through the core validator, as every channel reads an applicant.</summary>
    public static Core.Domain.Applicant Parse(IReadOnlyDictionary<string, string> fields)
    {
        var values = new string?[Core.Parsing.ApplicantColumns.Count];
        foreach (var (key, value) in fields)
        {
            Assert.True(Core.Parsing.ApplicantColumns.TryResolve(key, out var field));
            values[(int)field] = value;
        }

        Assert.True(Core.Parsing.ApplicantValidator.TryCreate(values, 1, false, new List<Core.Parsing.RowError>(), out var applicant, out _));
        return applicant!;
    }
}
