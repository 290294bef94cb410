using System.Globalization;

using CsvHelper;

using RiskFlag.Core.IO;

namespace RiskFlag.Core.Outcomes;

/// <summary>The rejected rows of an outcomes file as a CSV an analyst opens beside the file to correct it.</summary>
public static class OutcomeRejectionsCsv
{
    public static readonly IReadOnlyList<string> Header = ["line", "kind", "field", "reason"];

    public static void Write(Stream output, IEnumerable<OutcomeRejection> rejected)
    {
        using var writer = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        writer.WriteHeader([.. Header]);
        foreach (var row in rejected)
        {
            writer.WriteField(row.Line.ToString(CultureInfo.InvariantCulture));
            writer.WriteText(row.Kind);
            writer.WriteText(row.Field);
            writer.WriteText(row.Reason);
            writer.EndRecord();
        }
    }
}
