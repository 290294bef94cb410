using System.Globalization;
using System.Text;

namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>The escaping and number spelling of the text exposition format 0.0.4.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>HELP text escapes only the backslash and the line feed.</summary>
    public static string EscapeHelp(string text) => Escape(text, quotes: false);

    /// <summary>Label values also escape the double quote that delimits them.</summary>
    public static string EscapeLabelValue(string text) => Escape(text, quotes: true);

    /// <summary>
    /// Numbers as Prometheus's own client writes them (Go's shortest round-trip form): +Inf, -Inf, NaN, 0.25, 1e-05.
    /// </summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e'),
    };

    /// <summary>A tag value as label text: booleans lower case (as OpenTelemetry writes them), numbers invariant.</summary>
    public static string LabelValue(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => Number(number),
        float number => Number(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The inside of a label block, name="value" pairs sorted by name: `a="1",b="x"`.</summary>
    public static string LabelPairs(IEnumerable<KeyValuePair<string, object?>> tags)
    {
        var pairs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            // Two keys that sanitise alike ("a.b", "a_b") would repeat a label; the first one is kept.
            pairs.TryAdd(PrometheusNaming.LabelName(key), LabelValue(value));
        }

        return string.Join(',', pairs.Select(p => $"{p.Key}=\"{EscapeLabelValue(p.Value)}\""));
    }

    private static string Escape(string text, bool quotes)
    {
        if (!text.AsSpan().ContainsAny('\\', '\n', quotes ? '"' : '\\'))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\n' => escaped.Append(@"\n"),
                '"' when quotes => escaped.Append("\\\""),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
