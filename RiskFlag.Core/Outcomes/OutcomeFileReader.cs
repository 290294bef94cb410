using System.Text.Json;

using CsvHelper;

using RiskFlag.Core.Parsing;

namespace RiskFlag.Core.Outcomes;

/// <summary>
/// Reads an outcomes file, CSV (header <c>decision_id,risk_flag[,observed_at][,Id]</c>) or a JSON array of objects with
/// the same keys. CSV is read one row at a time, so a file of millions of outcomes is never held whole; a JSON document
/// is parsed whole, which the upload limit bounds.
/// </summary>
public static class OutcomeFileReader
{
    /// <exception cref="InvalidOutcomeFileException">The file as a whole cannot be read; thrown before the first row.</exception>
    public static IEnumerable<OutcomeRow> Read(Stream stream)
    {
        var rows = ApplicantFileReader.LooksLikeJson(stream) ? ReadJson(stream) : ReadCsv(stream);
        // Each reader first yields a placeholder once its header or document is checked, so a file that cannot be read
        // throws here rather than when the caller pulls its first row.
        var enumerator = rows.GetEnumerator();
        enumerator.MoveNext();
        return Rest(enumerator);
    }

    private static IEnumerable<OutcomeRow> Rest(IEnumerator<OutcomeRow> enumerator)
    {
        using (enumerator)
        {
            while (enumerator.MoveNext())
            {
                yield return enumerator.Current;
            }
        }
    }

    private static IEnumerable<OutcomeRow> ReadCsv(Stream stream)
    {
        var malformed = new List<RowError>();
        string? unterminated = null;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            OnMalformedRecord = record =>
            {
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    unterminated = record.RawRecord;
                }
                else
                {
                    malformed.Add(new RowError((int)record.LineNumber, "row", record.Reason == CsvMalformedReason.StrayQuote
                        ? "has a stray quote inside an unquoted field"
                        : $"is malformed ({record.Reason})"));
                }
            },
        };
        using var reader = CsvReader.Create(stream, options, leaveOpen: true);
        reader.ReadHeader();
        var header = reader.Headers.ToArray();
        var columns = Columns(header);
        yield return new OutcomeRow(0, null, []);
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (unterminated is { } raw)
            {
                var swallowed = raw.TrimEnd('\r', '\n').Count(c => c == '\n');
                yield return new OutcomeRow(line, null, [new RowError(line, "row",
                    $"has a quote that is never closed: it and the {swallowed} line(s) after it were not read")]);
                yield break;
            }

            var errors = malformed.Select(e => e with { Line = line }).ToList();
            malformed.Clear();
            if (reader.FieldCount > header.Length)
            {
                errors.Add(new RowError(line, "row", $"has {reader.FieldCount} fields but the header has {header.Length} (an unquoted comma?)"));
            }

            string? Cell(string column) => columns.TryGetValue(column, out var index) && index < reader.FieldCount ? reader.GetString(index) : null;
            var outcome = errors.Count == 0
                ? OutcomeRowParser.Parse(line, Cell(OutcomeColumns.DecisionId), Cell(OutcomeColumns.RiskFlag), Cell(OutcomeColumns.ObservedAt), Cell(OutcomeColumns.ApplicantId), errors)
                : null;
            yield return new OutcomeRow(line, outcome, errors);
        }
    }

    private static Dictionary<string, int> Columns(string[] header)
    {
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new InvalidOutcomeFileException("the file is empty: expected a header line such as decision_id,risk_flag,observed_at");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (OutcomeColumns.Resolve(header[i]) is { } column)
            {
                columns.TryAdd(column, i);
            }
        }

        var missing = new List<string>();
        if (!columns.ContainsKey(OutcomeColumns.DecisionId) && !columns.ContainsKey(OutcomeColumns.ApplicantId))
        {
            missing.Add($"{OutcomeColumns.DecisionId} (or the applicant's {OutcomeColumns.ApplicantId})");
        }

        if (!columns.ContainsKey(OutcomeColumns.RiskFlag))
        {
            missing.Add(OutcomeColumns.RiskFlag);
        }

        return missing.Count == 0
            ? columns
            : throw new InvalidOutcomeFileException($"the header lacks required column(s): {string.Join(", ", missing)} (found: {InputExcerpt.Of(string.Join(", ", header))})");
    }

    private static IEnumerable<OutcomeRow> ReadJson(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidOutcomeFileException($"not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
            {
                throw new InvalidOutcomeFileException($"expected a JSON array of outcome objects, found {root.ValueKind}");
            }

            yield return new OutcomeRow(0, null, []);
            IEnumerable<JsonElement> items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root];
            var number = 0;
            foreach (var item in items)
            {
                yield return ReadItem(item, ++number);
            }
        }
    }

    private static OutcomeRow ReadItem(JsonElement item, int number)
    {
        var errors = new List<RowError>();
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new RowError(number, "row", $"expected an object, found {item.ValueKind}"));
            return new OutcomeRow(number, null, errors);
        }

        var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            if (Utf8(() => property.Name, "row", "a field name") is not { } name || OutcomeColumns.Resolve(name) is not { } column)
            {
                continue;
            }

            var value = property.Value;
            cells[column] = value.ValueKind switch
            {
                JsonValueKind.String => Utf8(() => value.GetString(), column, "the value"),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True when column == OutcomeColumns.RiskFlag => "1",
                JsonValueKind.False when column == OutcomeColumns.RiskFlag => "0",
                JsonValueKind.Null => null,
                _ => Wrong(column, value.ValueKind),
            };
        }

        if (errors.Count > 0)
        {
            return new OutcomeRow(number, null, errors);
        }

        var outcome = OutcomeRowParser.Parse(
            number, cells.GetValueOrDefault(OutcomeColumns.DecisionId), cells.GetValueOrDefault(OutcomeColumns.RiskFlag),
            cells.GetValueOrDefault(OutcomeColumns.ObservedAt), cells.GetValueOrDefault(OutcomeColumns.ApplicantId), errors);
        return new OutcomeRow(number, outcome, errors);

        string? Wrong(string column, JsonValueKind kind)
        {
            errors.Add(new RowError(number, column, $"expected {(column == OutcomeColumns.RiskFlag ? "0 or 1" : "text")}, found {kind.ToString().ToLowerInvariant()}"));
            return null;
        }

        // The parser checks the document's structure, not its strings' encoding: a bad string is this row's fault alone.
        string? Utf8(Func<string?> read, string field, string what)
        {
            try
            {
                return read();
            }
            catch (InvalidOperationException)
            {
                errors.Add(new RowError(number, field, $"{what} is not valid UTF-8"));
                return null;
            }
        }
    }
}
