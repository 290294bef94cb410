using System.Diagnostics.Metrics;

namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>
/// Everything one instrument has recorded, one <see cref="MetricSeries"/> per tag set. The series array is
/// copy-on-write: the hot path scans it without a lock, and only a tag set seen for the first time takes the lock.
/// </summary>
public sealed class InstrumentMetric
{
    /// <summary>Beyond this many tag sets (a label that should have been bounded) measurements pool in one overflow series.</summary>
    public const int MaxSeries = 2000;

    private static readonly KeyValuePair<string, object?>[] OverflowTags = [new("otel.metric.overflow", true)];

    private readonly Lock _gate = new();
    private readonly double[] _bounds;
    private MetricSeries[] _series = [];
    private MetricSeries? _overflow;

    public InstrumentMetric(Instrument instrument, InstrumentShape shape)
    {
        Shape = shape;
        Name = PrometheusNaming.MetricName(instrument.Name, instrument.Unit, shape.Type);
        // promtool rejects a family without help; the runtime's and ASP.NET Core's instruments all have descriptions.
        Help = string.IsNullOrWhiteSpace(instrument.Description) ? $"{instrument.Name} ({instrument.Meter.Name})" : instrument.Description;
        _bounds = shape.Type == PrometheusType.Histogram ? HistogramBoundaries.For(instrument) : [];
    }

    /// <summary>The Prometheus metric name (for histograms, without the _bucket/_sum/_count suffixes).</summary>
    public string Name { get; }

    public string Help { get; }

    public InstrumentShape Shape { get; }

    public IReadOnlyList<MetricSeries> Series
    {
        get
        {
            var series = Volatile.Read(ref _series);
            return Volatile.Read(ref _overflow) is { } overflow ? [.. series, overflow] : series;
        }
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Shape.Type == PrometheusType.Histogram)
        {
            // A NaN or infinity would make the sum meaningless for every later scrape.
            if (double.IsFinite(value))
            {
                Find(tags).Observe(value);
            }
        }
        else if (Shape.Adds)
        {
            // A counter only goes up; a negative increment is a caller's bug, dropped as OpenTelemetry drops it.
            if (double.IsFinite(value) && (value >= 0 || Shape.Type != PrometheusType.Counter))
            {
                Find(tags).Add(value);
            }
        }
        else
        {
            Find(tags).Set(value);
        }
    }

    /// <summary>
    /// Called before observable callbacks run: what they report is the whole current state, so a series they no
    /// longer report (the previous model's version, a feature the new model lacks) must disappear.
    /// </summary>
    public void BeginCollection()
    {
        if (Shape.Observable)
        {
            lock (_gate)
            {
                Volatile.Write(ref _series, []);
                Volatile.Write(ref _overflow, null);
            }
        }
    }

    private MetricSeries Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var series in Volatile.Read(ref _series))
        {
            if (series.Matches(tags))
            {
                return series;
            }
        }

        lock (_gate)
        {
            var current = _series;
            foreach (var series in current)
            {
                if (series.Matches(tags))
                {
                    return series;
                }
            }

            if (current.Length >= MaxSeries)
            {
                return _overflow ??= new MetricSeries(OverflowTags, _bounds);
            }

            var created = new MetricSeries(tags, _bounds);
            Volatile.Write(ref _series, [.. current, created]);
            return created;
        }
    }
}
