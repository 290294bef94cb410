using System.Collections.Concurrent;
using System.Globalization;

using CsvHelper;

using RiskFlag.Core.Domain;
using RiskFlag.Core.Drift;
using RiskFlag.Core.IO;
using RiskFlag.Core.Parsing;

namespace RiskFlag.Core.Scoring;

/// <summary>
/// Streams a CSV or JSON file of applicants into a scored CSV: rows are parsed on one thread, scored
/// in parallel chunks on the others and written in input order, so memory stays flat however large the file. Cells a
/// spreadsheet would execute (= + - @) are neutralised on the way out.
/// </summary>
/// <param name="score">Scores one row; called from several threads at once.</param>
public sealed class BatchScorer(Func<Applicant, RiskAssessment> score, string modelVersion, double threshold, int previewRows = 20)
{
    private const int ChunkSize = 4096;

    /// <summary>
    /// After the input's own columns. Every input row has its output row, in input order: a rejected row keeps its cells,
    /// has no scores, status "rejected" and its reasons (line, field, reason) in error; a scored row's error holds its
    /// warnings (a bad informational label), if any. decision_id is the id the site's decision log keeps the row's
    /// decision under (blank where nothing is logged: the CLI, or the site with logging off).
    /// </summary>
    public static readonly IReadOnlyList<string> ScoreColumns = ["decision_id", "risk_probability", "risk_flag", "top_factors", "status", "error"];

    public const string Scored = "scored";
    public const string Rejected = "rejected";

    /// <param name="drift">When given, every scored row joins this window of live traffic.</param>
    public BatchScorer(RiskScorer scorer, int previewRows = 20, InputDriftMonitor? drift = null)
        : this(applicant => scorer.Score(applicant, drift: drift), scorer.ModelVersion, scorer.Threshold, previewRows)
    {
    }

    /// <param name="onScored">Called for each scored row, in input order, on the writing thread (the decision log).</param>
    public BatchSummary Score(Stream input, Stream output, Action<ParsedApplicant>? observe = null,
        Action<ParsedApplicant, RiskAssessment>? onScored = null)
    {
        var buffered = input.CanSeek ? input : Buffer(input);
        var isJson = ApplicantFileReader.LooksLikeJson(buffered);
        using var csvReader = isJson ? null : new ApplicantCsvReader(buffered, LabelUse.Informational);
        var rows = isJson ? ApplicantJsonReader.Read(buffered, LabelUse.Informational) : csvReader!.ReadAll();
        var header = isJson ? Enum.GetValues<ApplicantField>().Select(ApplicantColumns.NameOf).ToList() : csvReader!.Header.ToList();

        var options = CsvWriterOptions.Default with { NewLine = "\n" };
        using var writer = CsvWriter.Create(output, options, leaveOpen: true);
        // Every input column as uploaded, then the scores: the same file from the site and the CLI.
        writer.WriteHeader([.. header.Select(SpreadsheetFormulas.Protect), .. ScoreColumns]);

        var errors = new List<RowError>();
        var warnings = new List<RowError>();
        var preview = new List<ScoredRow>();
        int read = 0, scored = 0, flagged = 0;

        // Parsing runs on its own thread while this one scores (in parallel) and writes the previous chunk.
        using var chunks = new BlockingCollection<List<ParsedApplicant>>(boundedCapacity: 4);
        var producer = Task.Run(() =>
        {
            try
            {
                var chunk = new List<ParsedApplicant>(ChunkSize);
                foreach (var row in rows)
                {
                    read++;
                    observe?.Invoke(row);
                    if (!row.IsValid)
                    {
                        errors.AddRange(row.Errors);
                    }

                    warnings.AddRange(row.Warnings);

                    chunk.Add(row);
                    if (chunk.Count == ChunkSize)
                    {
                        chunks.Add(chunk);
                        chunk = new List<ParsedApplicant>(ChunkSize);
                    }
                }

                chunks.Add(chunk);
            }
            finally
            {
                chunks.CompleteAdding();
            }
        });

        var results = new RiskAssessment?[ChunkSize];
        foreach (var chunk in chunks.GetConsumingEnumerable())
        {
            Parallel.For(0, chunk.Count, i => results[i] = chunk[i].IsValid ? score(chunk[i].Applicant!) : null);
            for (var i = 0; i < chunk.Count; i++)
            {
                var row = chunk[i];
                if (results[i] is not { } assessment)
                {
                    WriteRejected(writer, row, header.Count);
                    continue;
                }

                WriteRow(writer, row, assessment, header.Count);
                onScored?.Invoke(row, assessment);
                scored++;
                flagged += assessment.Flag ? 1 : 0;
                if (preview.Count < previewRows)
                {
                    preview.Add(new ScoredRow(row.Line, row.Id, assessment));
                }
            }
        }

        producer.GetAwaiter().GetResult();
        writer.Flush();
        return new BatchSummary(read, scored, flagged, errors, preview, modelVersion, threshold, warnings);
    }

    private static void WriteRow(CsvWriter writer, ParsedApplicant row, RiskAssessment assessment, int headerCount)
    {
        WriteCells(writer, row, headerCount);
        writer.WriteText(assessment.DecisionId?.ToString() ?? string.Empty);
        writer.WriteText(assessment.Probability.ToString("0.######", CultureInfo.InvariantCulture));
        writer.WriteText(assessment.Flag ? "1" : "0");
        writer.WriteText(string.Join("; ", assessment.TopFactors));
        writer.WriteText(Scored);
        writer.WriteText(string.Join("; ", row.Warnings));
        writer.EndRecord();
    }

    private static void WriteRejected(CsvWriter writer, ParsedApplicant row, int headerCount)
    {
        WriteCells(writer, row, headerCount);
        writer.WriteText(string.Empty);
        writer.WriteText(string.Empty);
        writer.WriteText(string.Empty);
        writer.WriteText(string.Empty);
        writer.WriteText(Rejected);
        writer.WriteText(string.Join("; ", row.Errors));
        writer.EndRecord();
    }

    private static void WriteCells(CsvWriter writer, ParsedApplicant row, int headerCount)
    {
        for (var c = 0; c < headerCount; c++)
        {
            writer.WriteText(c < row.Cells.Count ? row.Cells[c] : string.Empty);
        }
    }

    private static MemoryStream Buffer(Stream input)
    {
        var copy = new MemoryStream();
        input.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
