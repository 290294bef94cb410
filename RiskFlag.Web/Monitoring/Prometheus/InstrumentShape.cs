using System.Diagnostics.Metrics;

namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>How one instrument's measurements aggregate and which Prometheus type they are written as.</summary>
/// <param name="Adds">Measurements are increments (counter, up-down counter); otherwise each one replaces the last value.</param>
/// <param name="Observable">Reported by a callback at collection time, so series not reported in a collection are gone.</param>
public sealed record InstrumentShape(PrometheusType Type, bool Adds, bool Observable)
{
    // The runtime publishes these current values as monotonic ObservableCounters (dotnet/runtime#126167, fixed after
    // .NET 10); written as counters they would get a _total name and rate() would read their drops as resets.
    private static readonly HashSet<string> RuntimeGaugesPublishedAsCounters = new(StringComparer.Ordinal)
    {
        "dotnet.thread_pool.queue.length",
        "dotnet.thread_pool.thread.count",
    };

    /// <returns>Null for instrument kinds the exporter does not know.</returns>
    public static InstrumentShape? Of(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }

        var kind = instrument.GetType().GetGenericTypeDefinition();
        if (kind == typeof(ObservableCounter<>) && instrument.Meter.Name == "System.Runtime" && RuntimeGaugesPublishedAsCounters.Contains(instrument.Name))
        {
            return new InstrumentShape(PrometheusType.Gauge, Adds: false, Observable: true);
        }

        return kind switch
        {
            _ when kind == typeof(Counter<>) => new InstrumentShape(PrometheusType.Counter, Adds: true, Observable: false),
            _ when kind == typeof(UpDownCounter<>) => new InstrumentShape(PrometheusType.Gauge, Adds: true, Observable: false),
            _ when kind == typeof(Histogram<>) => new InstrumentShape(PrometheusType.Histogram, Adds: true, Observable: false),
            _ when kind == typeof(Gauge<>) => new InstrumentShape(PrometheusType.Gauge, Adds: false, Observable: false),
            // Observable counters report their running total, so the latest observation is the value.
            _ when kind == typeof(ObservableCounter<>) => new InstrumentShape(PrometheusType.Counter, Adds: false, Observable: true),
            _ when kind == typeof(ObservableUpDownCounter<>) => new InstrumentShape(PrometheusType.Gauge, Adds: false, Observable: true),
            _ when kind == typeof(ObservableGauge<>) => new InstrumentShape(PrometheusType.Gauge, Adds: false, Observable: true),
            _ => null,
        };
    }
}
