using System.Text;

namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>
/// Writes instrument metrics in the text exposition format 0.0.4: one HELP and TYPE per family, families sorted by name,
/// histograms as cumulative _bucket{le} lines ending at +Inf, then _sum and _count.
/// </summary>
public static class PrometheusTextWriter
{
    public static string Write(IEnumerable<InstrumentMetric> metrics)
    {
        var text = new StringBuilder();
        foreach (var family in metrics.GroupBy(s => s.Name).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // One name, one type: an instrument whose name collides with another of a different type is left out.
            var type = family.First().Shape.Type;
            var written = new HashSet<string>(StringComparer.Ordinal);
            var series = family.Where(s => s.Shape.Type == type).SelectMany(s => s.Series).Where(s => written.Add(s.Labels)).ToList();
            if (series.Count == 0)
            {
                continue;
            }

            var name = family.Key;
            text.Append("# HELP ").Append(name).Append(' ').Append(PrometheusText.EscapeHelp(family.First().Help)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(type)).Append('\n');
            foreach (var one in series)
            {
                if (type == PrometheusType.Histogram)
                {
                    WriteHistogram(text, name, one);
                }
                else
                {
                    WriteSample(text, name, one.Labels, PrometheusText.Number(one.Value));
                }
            }
        }

        return text.ToString();
    }

    private static void WriteHistogram(StringBuilder text, string name, MetricSeries series)
    {
        var cumulative = series.CumulativeBucketCounts();
        var separator = series.Labels.Length == 0 ? string.Empty : ",";
        for (var i = 0; i < cumulative.Length; i++)
        {
            var bound = i < series.Bounds.Count ? PrometheusText.Number(series.Bounds[i]) : "+Inf";
            WriteSample(text, name + "_bucket", $"{series.Labels}{separator}le=\"{bound}\"", Count(cumulative[i]));
        }

        WriteSample(text, name + "_sum", series.Labels, PrometheusText.Number(series.Value));
        WriteSample(text, name + "_count", series.Labels, Count(cumulative[^1]));
    }

    private static void WriteSample(StringBuilder text, string name, string labels, string value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(value).Append('\n');
    }

    private static string Count(long count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string TypeName(PrometheusType type) => type switch
    {
        PrometheusType.Counter => "counter",
        PrometheusType.Histogram => "histogram",
        _ => "gauge",
    };
}
