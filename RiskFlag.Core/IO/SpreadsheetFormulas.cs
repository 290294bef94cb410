using System.Text.RegularExpressions;

using CsvHelper;

namespace RiskFlag.Core.IO;

/// <summary>
/// Keeps a cell of a CSV that people open in a spreadsheet from running as a formula (OWASP "CSV injection"): a cell
/// whose first visible character is = + - @ or |, or their full-width forms, or that starts with a tab, CR, LF or an
/// encoded newline (%0A, %0D), gets a leading ' so the spreadsheet shows it as text. Spreadsheets skip leading spaces
/// before a formula, so the check looks past them. A plain number such as -5 or +3.2 is data and stays as it is.
/// (CsvHelper's own injection check looks at the first character only, and only at ASCII.)
/// </summary>
public static partial class SpreadsheetFormulas
{
    public static string Protect(string? cell)
    {
        if (string.IsNullOrEmpty(cell) || PlainNumber().IsMatch(cell))
        {
            return cell ?? string.Empty;
        }

        if (cell[0] is '\t' or '\r' or '\n')
        {
            return "'" + cell;
        }

        var visible = cell.AsSpan().TrimStart();
        var risky = visible.Length > 0 && (visible[0] is '=' or '+' or '-' or '@' or '|' or '＝' or '＋' or '－' or '＠'
            || visible.StartsWith("%0A", StringComparison.OrdinalIgnoreCase)
            || visible.StartsWith("%0D", StringComparison.OrdinalIgnoreCase));
        return risky ? "'" + cell : cell;
    }

    /// <summary>Writes a text field through <see cref="Protect"/>.</summary>
    public static void WriteText(this CsvWriter writer, string? value) => writer.WriteField(Protect(value));

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
