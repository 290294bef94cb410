using System.Text;

namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>
/// OpenTelemetry names to Prometheus names, as OpenTelemetry's own Prometheus exporter maps them: invalid characters
/// become one underscore, the unit is spelled out as a suffix (curly-brace annotations are dropped), counters end
/// in _total, and a gauge of unit "1" ends in _ratio.
/// </summary>
public static class PrometheusNaming
{
    private static readonly Dictionary<string, string> UnitWords = new(StringComparer.Ordinal)
    {
        ["d"] = "days",
        ["h"] = "hours",
        ["min"] = "minutes",
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["ns"] = "nanoseconds",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes",
        ["KBy"] = "kilobytes",
        ["MBy"] = "megabytes",
        ["GBy"] = "gigabytes",
        ["m"] = "meters",
        ["V"] = "volts",
        ["A"] = "amperes",
        ["J"] = "joules",
        ["W"] = "watts",
        ["g"] = "grams",
        ["Cel"] = "celsius",
        ["Hz"] = "hertz",
        ["%"] = "percent",
    };

    // Prometheus reserves _count (like _sum and _bucket) for histogram and summary series, and promtool rejects a
    // gauge named so; the runtime's gauges of that shape are named after what they count instead.
    private static readonly Dictionary<string, string> ReservedSuffixRenames = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.thread_pool.thread.count"] = "dotnet.thread_pool.threads",
        ["dotnet.timer.count"] = "dotnet.timers",
    };

    public static string MetricName(string instrumentName, string? unit, PrometheusType type)
    {
        var name = Sanitize(ReservedSuffixRenames.GetValueOrDefault(instrumentName, instrumentName), allowColon: true);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name = $"{name}_{suffix}";
        }

        if (type == PrometheusType.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        if (type == PrometheusType.Gauge && unit == "1" && !name.Contains("ratio", StringComparison.Ordinal))
        {
            name += "_ratio";
        }

        return name;
    }

    /// <summary>Tag keys such as "http.route" become "http_route"; a leading digit gets a "key_" prefix.</summary>
    public static string LabelName(string tagKey)
    {
        var name = Sanitize(tagKey, allowColon: false);
        return char.IsAsciiDigit(name[0]) ? "key_" + name : name;
    }

    /// <summary>"s" → "seconds", "By/s" → "bytes_per_second", "{request}" → "" (a count of things has no unit).</summary>
    public static string UnitSuffix(string? unit)
    {
        if (string.IsNullOrEmpty(unit) || unit == "1")
        {
            return string.Empty;
        }

        var plain = WithoutAnnotations(unit);
        if (plain.Length == 0)
        {
            return string.Empty;
        }

        var slash = plain.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Sanitize(Word(plain), allowColon: false).Trim('_');
        }

        var per = plain[(slash + 1)..] switch
        {
            "s" => "second",
            "m" => "minute",
            "h" => "hour",
            "d" => "day",
            var other => Word(other),
        };
        var of = Word(plain[..slash]);
        var suffix = of.Length == 0 ? $"per_{per}" : $"{of}_per_{per}";
        return Sanitize(suffix, allowColon: false).Trim('_');
    }

    private static string Word(string unit) => UnitWords.TryGetValue(unit, out var word) ? word : unit;

    private static string WithoutAnnotations(string unit)
    {
        var text = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                text.Append(c);
            }
        }

        return text.ToString().Trim();
    }

    private static string Sanitize(string name, bool allowColon)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            var valid = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = valid ? c : '_';
            // Runs of invalid characters collapse to one underscore, as the exporter's sanitiser does.
            if (next != '_' || text.Length == 0 || text[^1] != '_')
            {
                text.Append(next);
            }
        }

        if (text.Length == 0)
        {
            return "_";
        }

        return allowColon && char.IsAsciiDigit(text[0]) ? "_" + text : text.ToString();
    }
}
