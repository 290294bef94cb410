using System.Globalization;

using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Parsing;

/// <summary>
/// Turns the raw text of one record into an <see cref="Applicant"/>, reporting every bad field.
/// CSV, JSON and the web form all go through here, so a rule is written once.
/// </summary>
public static class ApplicantValidator
{
    /// <summary>
    /// One record of a file or request: the applicant, or every reason it is not one. The label is read as
    /// <paramref name="labels"/> says; with <see cref="LabelUse.Informational"/> a bad one is in the row's warnings.
    /// </summary>
    /// <param name="hasLabel">Whether the source has a Risk_Flag column.</param>
    /// <param name="readErrors">What the reader already found wrong with fields (a JSON object where text belongs): they replace the validator's own findings for those fields.</param>
    public static ParsedApplicant Parse(ReadOnlySpan<string?> values, int line, string? id, IReadOnlyList<string> cells, bool hasLabel, LabelUse labels, IReadOnlyList<RowError>? readErrors = null)
    {
        var errors = new List<RowError>();
        var validated = hasLabel && labels == LabelUse.Validated;
        var created = TryCreate(values, line, validated, errors, out var applicant, out var label);
        CheckId(id, line, errors);
        if (readErrors is { Count: > 0 })
        {
            errors.RemoveAll(e => readErrors.Any(r => r.Field == e.Field));
            errors.InsertRange(0, readErrors);
        }

        if (!created || errors.Count > 0)
        {
            return new ParsedApplicant(line, id, null, null, errors, cells);
        }

        if (!hasLabel || validated || string.IsNullOrWhiteSpace(values[(int)ApplicantField.RiskFlag]))
        {
            return new ParsedApplicant(line, id, applicant, label, [], cells);
        }

        var warnings = new List<RowError>();
        label = ReadWhole(values, ApplicantField.RiskFlag, 0, 1, line, warnings);
        return new ParsedApplicant(line, id, applicant, label, [], cells)
        {
            Warnings = [.. warnings.Select(w => w with { Reason = w.Reason + " (ignored: scoring does not use the label)" })],
        };
    }

    /// <param name="values">Raw cell text indexed by <see cref="ApplicantField"/>; null = column or value absent.</param>
    /// <param name="expectLabel">True when the source has a Risk_Flag column, which must then hold 0 or 1.</param>
    public static bool TryCreate(
        ReadOnlySpan<string?> values,
        int line,
        bool expectLabel,
        ICollection<RowError> errors,
        out Applicant? applicant,
        out int? label)
    {
        var before = errors.Count;
        var income = ReadIncome(values, line, errors);
        var age = ReadWhole(values, ApplicantField.Age, ApplicantRules.MinAge, ApplicantRules.MaxAge, line, errors);
        var experience = ReadWhole(values, ApplicantField.Experience, 0, ApplicantRules.MaxYears, line, errors);
        var jobYears = ReadWhole(values, ApplicantField.CurrentJobYears, 0, ApplicantRules.MaxYears, line, errors);
        var houseYears = ReadWhole(values, ApplicantField.CurrentHouseYears, 0, ApplicantRules.MaxYears, line, errors);
        var married = ReadCode(values, ApplicantField.Married, "single or married", line, errors,
            static (string t, out MaritalStatus v) => DomainCodes.TryParseMaritalStatus(t, out v));
        var house = ReadCode(values, ApplicantField.HouseOwnership, "rented, owned or norent_noown", line, errors,
            static (string t, out HouseOwnership v) => DomainCodes.TryParseHouseOwnership(t, out v));
        var car = ReadCode(values, ApplicantField.CarOwnership, "yes or no", line, errors,
            static (string t, out bool v) => DomainCodes.TryParseCarOwnership(t, out v));
        var profession = ReadText(values, ApplicantField.Profession, line, errors);
        var city = ReadText(values, ApplicantField.City, line, errors);
        var state = ReadText(values, ApplicantField.State, line, errors);

        if (age is { } a && experience is { } e && e > a)
        {
            errors.Add(new RowError(line, ApplicantColumns.NameOf(ApplicantField.Experience),
                $"{e} years of experience is more than the age {a}"));
        }

        if (experience is { } exp && jobYears is { } job && job > exp)
        {
            errors.Add(new RowError(line, ApplicantColumns.NameOf(ApplicantField.CurrentJobYears),
                $"{job} years in the current job is more than the {exp} years of experience"));
        }

        if (age is { } a2 && houseYears is { } h && h > a2)
        {
            errors.Add(new RowError(line, ApplicantColumns.NameOf(ApplicantField.CurrentHouseYears),
                $"{h} years in the current house is more than the age {a2}"));
        }

        label = null;
        if (expectLabel)
        {
            label = ReadWhole(values, ApplicantField.RiskFlag, 0, 1, line, errors);
        }

        if (errors.Count > before)
        {
            applicant = null;
            return false;
        }

        applicant = new Applicant(income!.Value, age!.Value, experience!.Value, married!.Value, house!.Value, car!.Value,
            profession!, city!, state!, jobYears!.Value, houseYears!.Value);
        return true;
    }

    private delegate bool CodeParser<T>(string text, out T value);

    private static string? Present(ReadOnlySpan<string?> values, ApplicantField field, int line, ICollection<RowError> errors)
    {
        var text = values[(int)field];
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new RowError(line, ApplicantColumns.NameOf(field), "is missing"));
            return null;
        }

        return text.Trim();
    }

    private static double? ReadIncome(ReadOnlySpan<string?> values, int line, ICollection<RowError> errors)
    {
        var name = ApplicantColumns.NameOf(ApplicantField.Income);
        if (Present(values, ApplicantField.Income, line, errors) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var income) || !double.IsFinite(income))
        {
            errors.Add(new RowError(line, name, $"'{Shorten(text)}' is not a number"));
            return null;
        }

        if (income < 0)
        {
            errors.Add(new RowError(line, name, $"{Shorten(text)} is negative; income must be 0 or more"));
            return null;
        }

        if (income > ApplicantRules.MaxIncome)
        {
            errors.Add(new RowError(line, name, $"{Shorten(text)} is above the maximum of {ApplicantRules.MaxIncome:0}"));
            return null;
        }

        return income;
    }

    private static int? ReadWhole(ReadOnlySpan<string?> values, ApplicantField field, int min, int max, int line, ICollection<RowError> errors)
    {
        var name = ApplicantColumns.NameOf(field);
        if (Present(values, field, line, errors) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            errors.Add(new RowError(line, name, $"'{Shorten(text)}' is not a number"));
            return null;
        }

        if (number != Math.Floor(number))
        {
            errors.Add(new RowError(line, name, $"{Shorten(text)} is not a whole number"));
            return null;
        }

        if (number < min || number > max)
        {
            errors.Add(new RowError(line, name, $"{Shorten(text)} is outside the allowed range {min}–{max}"));
            return null;
        }

        return (int)number;
    }

    private static T? ReadCode<T>(ReadOnlySpan<string?> values, ApplicantField field, string allowed, int line, ICollection<RowError> errors, CodeParser<T> parse)
        where T : struct
    {
        if (Present(values, field, line, errors) is not { } text)
        {
            return null;
        }

        if (!parse(text, out var value))
        {
            errors.Add(new RowError(line, ApplicantColumns.NameOf(field), $"'{Shorten(text)}' is not one of: {allowed}"));
            return null;
        }

        return value;
    }

    private static string? ReadText(ReadOnlySpan<string?> values, ApplicantField field, int line, ICollection<RowError> errors)
    {
        if (Present(values, field, line, errors) is not { } text)
        {
            return null;
        }

        if (text.Length > ApplicantRules.MaxTextLength)
        {
            errors.Add(new RowError(line, ApplicantColumns.NameOf(field), $"is longer than {ApplicantRules.MaxTextLength} characters"));
            return null;
        }

        if (ControlCharacter(text) is { } problem)
        {
            errors.Add(new RowError(line, ApplicantColumns.NameOf(field), problem));
            return null;
        }

        return text;
    }

    /// <summary>The applicant's own id is echoed in every answer and export, so it is held to the text fields' rules.</summary>
    private static void CheckId(string? id, int line, List<RowError> errors)
    {
        if (id is null)
        {
            return;
        }

        // An over-long id is most likely something else pasted into it: its length says so.
        var problem = id.Length > ApplicantRules.MaxTextLength
            ? $"is {id.Length:N0} characters long; at most {ApplicantRules.MaxTextLength}"
            : ControlCharacter(id);
        if (problem is not null)
        {
            errors.Add(new RowError(line, ApplicantColumns.NameOf(ApplicantField.Id), problem));
        }
    }

    /// <summary>"contains the control character U+0000" for the first one in the text, or null.</summary>
    private static string? ControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return $"contains the control character U+{(int)c:X4}";
            }
        }

        return null;
    }

    private static string Shorten(string text) => InputExcerpt.Of(text, 40);
}
