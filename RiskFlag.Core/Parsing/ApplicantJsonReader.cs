using System.Text.Json;

namespace RiskFlag.Core.Parsing;

/// <summary>
/// Reads a JSON array of applicant objects (or one object) with the same keys as the CSV header,
/// in any case and with numbers either as JSON numbers or strings. Item numbers stand in for lines.
/// </summary>
public static class ApplicantJsonReader
{
    public static IReadOnlyList<ParsedApplicant> Read(JsonElement root, LabelUse labels = LabelUse.Validated)
    {
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => throw new InvalidApplicantFileException($"expected a JSON array of applicant objects, found {root.ValueKind}"),
        };

        var results = new List<ParsedApplicant>(items.Count);
        var values = new string?[ApplicantColumns.Count];
        for (var index = 0; index < items.Count; index++)
        {
            var number = index + 1;
            results.Add(ReadItem(items[index], number, values, labels));
        }

        return results;
    }

    public static IReadOnlyList<ParsedApplicant> Read(Stream stream, LabelUse labels = LabelUse.Validated)
    {
        try
        {
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
            return Read(document.RootElement, labels);
        }
        catch (JsonException e)
        {
            throw new InvalidApplicantFileException($"not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    private static ParsedApplicant ReadItem(JsonElement item, int number, string?[] values, LabelUse labels)
    {
        Array.Clear(values);
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new ParsedApplicant(number, null, null, null, [new RowError(number, "row", $"expected an object, found {item.ValueKind}")], []);
        }

        var hasLabel = false;
        List<RowError>? typeErrors = null;
        foreach (var property in item.EnumerateObject())
        {
            if (!ApplicantColumns.TryResolve(Name(property, number), out var field))
            {
                continue;
            }

            hasLabel |= field == ApplicantField.RiskFlag;
            if (JsonValueTypes.Problem(field, property.Value.ValueKind) is { } problem)
            {
                (typeErrors ??= []).Add(new RowError(number, ApplicantColumns.NameOf(field), problem));
            }

            values[(int)field] = property.Value.ValueKind switch
            {
                JsonValueKind.String => Text(property.Value, number),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => ApplicantColumns.BooleanText(field, true),
                JsonValueKind.False => ApplicantColumns.BooleanText(field, false),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => property.Value.GetRawText(),
            };
        }

        var cells = values.Select(v => v ?? string.Empty).ToArray();
        var id = values[(int)ApplicantField.Id];
        return ApplicantValidator.Parse(values, number, id, cells, hasLabel, labels, typeErrors);
    }

    private static string Name(JsonProperty property, int number)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidApplicantFileException($"applicant {number}: a field name is not valid UTF-8");
        }
    }

    /// <exception cref="InvalidApplicantFileException">The string is not valid UTF-8 (parsing checks structure, not the text's encoding).</exception>
    private static string Text(JsonElement value, int number)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidApplicantFileException($"applicant {number}: a string is not valid UTF-8");
        }
    }
}
