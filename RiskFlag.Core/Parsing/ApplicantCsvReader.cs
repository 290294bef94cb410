using CsvHelper;

namespace RiskFlag.Core.Parsing;

/// <summary>
/// Streams applicants from CSV in any of the layouts seen in practice: Kaggle's header, a pandas
/// export with a leading unnamed index column, any header case, CRLF or LF, with or without a BOM.
/// Records are yielded one at a time so an upload of any size is scored without being held in memory.
/// </summary>
public sealed class ApplicantCsvReader : IDisposable
{
    private readonly CsvReader _reader;
    private readonly List<RowError> _malformed = [];
    private readonly int[] _columnOf = new int[ApplicantColumns.Count];

    // The raw text of a record whose quote never closed: everything after its first line is re-read as records.
    private string? _unterminated;

    private readonly LabelUse _labels;

    public ApplicantCsvReader(Stream stream, LabelUse labels = LabelUse.Validated)
        : this(options => CsvReader.Create(stream, options, leaveOpen: true), labels)
    {
    }

    public ApplicantCsvReader(TextReader reader, LabelUse labels = LabelUse.Validated)
        : this(options => CsvReader.Create(reader, options, leaveOpen: true), labels)
    {
    }

    private ApplicantCsvReader(Func<CsvReaderOptions, CsvReader> open, LabelUse labels)
    {
        _labels = labels;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            PoolStrings = true,
            OnMalformedRecord = record =>
            {
                _malformed.Add(new RowError((int)record.LineNumber, "row", Describe(record.Reason)));
                if (record.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    _unterminated = record.RawRecord;
                }
            },
        };
        _reader = open(options);
        Header = ReadHeader();
        HasLabel = _columnOf[(int)ApplicantField.RiskFlag] >= 0;
    }

    /// <summary>The header cells as written in the file.</summary>
    public IReadOnlyList<string> Header { get; }

    public bool HasLabel { get; }

    public IEnumerable<ParsedApplicant> ReadAll()
    {
        var values = new string?[ApplicantColumns.Count];
        while (_reader.Read())
        {
            var line = (int)_reader.LineNumber;
            var cells = new string[_reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = _reader.GetString(i) ?? string.Empty;
            }

            var errors = new List<RowError>();
            if (_malformed.Count > 0)
            {
                errors.AddRange(_malformed.Select(e => e with { Line = line }));
                _malformed.Clear();
            }

            if (cells.Length > Header.Count)
            {
                errors.Add(new RowError(line, "row", $"has {cells.Length} fields but the header has {Header.Count} (an unquoted comma?)"));
            }

            for (var field = 0; field < values.Length; field++)
            {
                var column = _columnOf[field];
                values[field] = column >= 0 && column < cells.Length ? cells[column] : null;
            }

            var id = values[(int)ApplicantField.Id]?.Trim();
            yield return errors.Count == 0
                ? ApplicantValidator.Parse(values, line, id, cells, HasLabel, _labels)
                : new ParsedApplicant(line, id, null, null, errors, cells);

            if (_unterminated is { } raw)
            {
                // The quote swallowed every line after it: this row is rejected above, the lines it took are read again.
                _unterminated = null;
                foreach (var row in Reread(raw, line))
                {
                    yield return row;
                }
            }
        }
    }

    private IEnumerable<ParsedApplicant> Reread(string raw, int line)
    {
        var next = raw.IndexOf('\n', StringComparison.Ordinal);
        if (next < 0)
        {
            yield break;
        }

        var header = string.Join(',', Header.Select(h => h.Contains(',', StringComparison.Ordinal) || h.Contains('"', StringComparison.Ordinal) ? $"\"{h.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : h));
        using var rest = new ApplicantCsvReader(new StringReader(header + "\n" + raw[(next + 1)..]), _labels);
        foreach (var row in rest.ReadAll())
        {
            // Line 2 of the re-read text is the line after the one where the quote opened.
            var shift = line - 1;
            yield return row with { Line = row.Line + shift, Errors = [.. row.Errors.Select(e => e with { Line = e.Line + shift })] };
        }
    }

    public void Dispose() => _reader.Dispose();

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "has a stray quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "has text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "has a quote that is never closed (the lines after it are read as rows of their own)",
        _ => $"is malformed ({reason})",
    };

    private string[] ReadHeader()
    {
        _reader.ReadHeader();
        var header = _reader.Headers.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new InvalidApplicantFileException("the file is empty: expected a header line with the applicant columns");
        }

        Array.Fill(_columnOf, -1);
        for (var column = 0; column < header.Length; column++)
        {
            header[column] = header[column].TrimStart('\uFEFF');
            if (ApplicantColumns.TryResolve(header[column], out var field) && _columnOf[(int)field] < 0)
            {
                _columnOf[(int)field] = column;
            }
        }

        var missing = ApplicantColumns.RequiredInputs.Where(f => _columnOf[(int)f] < 0).Select(ApplicantColumns.NameOf).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidApplicantFileException(
                $"the header lacks required column(s): {string.Join(", ", missing)} (found: {InputExcerpt.Of(string.Join(", ", header))})");
        }

        return header;
    }
}
