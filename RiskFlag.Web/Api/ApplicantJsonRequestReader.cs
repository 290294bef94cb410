using System.Buffers;
using System.Text;
using System.Text.Json;

using RiskFlag.Core.Parsing;

namespace RiskFlag.Web.Api;

/// <summary>
/// Reads the body of POST /api/predict straight from the token stream into the core validator. The core JSON
/// reader builds a document first, which suits files; on the hot path that costs half the parsing time. Keys are
/// resolved by <see cref="ApplicantColumns"/> and values checked by <see cref="ApplicantValidator"/>, as there,
/// so both readers accept and reject the same applicants.
/// </summary>
public static class ApplicantJsonRequestReader
{
    /// <exception cref="JsonException">The body is not JSON.</exception>
    /// <exception cref="InvalidApplicantFileException">The body is JSON but neither an object nor an array.</exception>
    public static (IReadOnlyList<ParsedApplicant> Applicants, bool IsArray) Read(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true });
        if (!reader.Read())
        {
            throw new JsonException("the body is empty");
        }

        var values = new string?[ApplicantColumns.Count];
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var single = ReadObject(ref reader, body, 1, values);
                if (reader.Read())
                {
                    throw new JsonException("unexpected data after the applicant object");
                }

                return ([single], false);
            case JsonTokenType.StartArray:
                var items = new List<ParsedApplicant>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var number = items.Count + 1;
                    items.Add(reader.TokenType == JsonTokenType.StartObject
                        ? ReadObject(ref reader, body, number, values)
                        : NotAnObject(ref reader, number));
                }

                return (items, true);
            default:
                throw new InvalidApplicantFileException($"expected a JSON array of applicant objects, found {KindOf(reader.TokenType)}");
        }
    }

    private static ParsedApplicant ReadObject(ref Utf8JsonReader reader, ReadOnlySequence<byte> body, int number, string?[] values)
    {
        Array.Clear(values);
        var hasLabel = false;
        List<RowError>? typeErrors = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var known = ApplicantColumns.TryResolve(Text(ref reader), out var field);
            reader.Read();
            var kind = KindOf(reader.TokenType);
            var value = ReadValue(ref reader, body, known ? field : null);
            if (known)
            {
                values[(int)field] = value;
                hasLabel |= field == ApplicantField.RiskFlag;
                if (JsonValueTypes.Problem(field, kind) is { } problem)
                {
                    (typeErrors ??= []).Add(new RowError(number, ApplicantColumns.NameOf(field), problem));
                }

            }
        }

        var id = values[(int)ApplicantField.Id];
        var cells = Array.ConvertAll(values, v => v ?? string.Empty);
        // A request is scored, never trained on: a label it carries is informational.
        return ApplicantValidator.Parse(values, number, id, cells, hasLabel, LabelUse.Informational, typeErrors);
    }

    /// <summary>Strings as they are, numbers and anything nested as their JSON text, booleans by <see cref="ApplicantColumns.BooleanText"/>.</summary>
    private static string? ReadValue(ref Utf8JsonReader reader, ReadOnlySequence<byte> body, ApplicantField? field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return Text(ref reader);
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            case JsonTokenType.True or JsonTokenType.False:
                return ApplicantColumns.BooleanText(field, reader.TokenType == JsonTokenType.True);
            case JsonTokenType.Null:
                return null;
            default:
                var start = reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(body.Slice(start, reader.BytesConsumed - start));
        }
    }

    /// <exception cref="JsonException">The string is not valid UTF-8 (the reader checks structure, not the text's encoding).</exception>
    private static string Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException($"the string at byte {reader.TokenStartIndex} is not valid UTF-8");
        }
    }

    private static ParsedApplicant NotAnObject(ref Utf8JsonReader reader, int number)
    {
        var kind = KindOf(reader.TokenType);
        reader.Skip();
        return new ParsedApplicant(number, null, null, null, [new RowError(number, "row", $"expected an object, found {kind}")], []);
    }

    /// <summary>Named as <see cref="JsonValueKind"/> names them, as the core reader's messages do.</summary>
    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };
}
