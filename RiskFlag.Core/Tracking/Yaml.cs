using System.Globalization;

namespace RiskFlag.Core.Tracking;

/// <summary>The few YAML shapes MLflow's meta.yaml files use: flat keys with strings, numbers and null.</summary>
internal static class Yaml
{
    /// <summary>Written as is, e.g. an empty list "[]".</summary>
    public sealed record YamlLiteral(string Text);

    public static string Write(IEnumerable<(string Key, object? Value)> entries) =>
        string.Concat(entries.Select(e => $"{e.Key}: {Format(e.Value)}\n"));

    public static Dictionary<string, string> Read(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.StartsWith(' '))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            values[line[..colon]] = value.Length >= 2 && value[0] == '\'' && value[^1] == '\''
                ? value[1..^1].Replace("''", "'", StringComparison.Ordinal)
                : value;
        }

        return values;
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        YamlLiteral literal => literal.Text,
        string s when s.Length == 0 => "''",
        // Quote what YAML would otherwise read as a number, bool or structure (MLflow quotes numeric ids too).
        string s when NeedsQuotes(s) => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static bool NeedsQuotes(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || s is "true" or "false" or "null" or "~" or "yes" or "no"
        || s.IndexOfAny([':', '#', '\'', '"', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`']) >= 0
        || s.Trim() != s;
}
