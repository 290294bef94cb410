using System.Diagnostics.Metrics;

using OpenTelemetry.Metrics;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// The one view of the site's meter provider: which instruments it exports and under which names. One function,
/// because the SDK makes a stream for every view that matches, so a separate "drop" view could not veto a rename.
/// </summary>
public sealed class MetricViews(IMeterFactory hostMeters)
{
    public const string RuntimeMeter = "System.Runtime";

    // Prometheus reserves _count for histograms and summaries, and promtool rejects a gauge named so; these runtime
    // gauges are named after what they count instead.
    private static readonly Dictionary<string, string> RuntimeRenames = new(StringComparer.Ordinal)
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies",
        ["dotnet.process.cpu.count"] = "dotnet.process.cpus",
        ["dotnet.timer.count"] = "dotnet.timers",
    };

    // .NET 10 publishes these current values as monotonic ObservableCounters (dotnet/runtime#126167), so the SDK
    // would export counters (_total, and rate() reading every drop as a reset). A view cannot change an instrument's
    // kind: they are dropped and ThreadPoolGauges publishes the same values as gauges.
    private static readonly HashSet<string> RuntimeGaugesPublishedAsCounters = new(StringComparer.Ordinal)
    {
        "dotnet.thread_pool.queue.length",
        "dotnet.thread_pool.thread.count",
    };

    // The exporter appends no _ratio to a gauge of unit "1"; Prometheus's convention (and the dashboard) wants one.
    private static readonly Dictionary<string, string> SiteRenames = new(StringComparer.Ordinal)
    {
        ["riskflag.flagged_share"] = "riskflag.flagged_share_ratio",
    };

    /// <returns>Drop, a renamed stream, or null for the SDK's default stream.</returns>
    public MetricStreamConfiguration? For(Instrument instrument)
    {
        // Meters made by a meter factory belong to one host. The SDK listens by meter name across the process, so in
        // a process with several hosts (the tests) each site would otherwise export the others' measurements too.
        if (instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, hostMeters))
        {
            return MetricStreamConfiguration.Drop;
        }

        if (instrument.Meter.Name != RuntimeMeter)
        {
            return instrument.Meter.Name == RiskMetrics.MeterName ? Renamed(SiteRenames, instrument) : null;
        }

        if (RuntimeGaugesPublishedAsCounters.Contains(instrument.Name) && instrument.GetType().GetGenericTypeDefinition() == typeof(ObservableCounter<>))
        {
            return MetricStreamConfiguration.Drop;
        }

        return Renamed(RuntimeRenames, instrument);
    }

    private static MetricStreamConfiguration? Renamed(Dictionary<string, string> renames, Instrument instrument) =>
        renames.TryGetValue(instrument.Name, out var name) ? new MetricStreamConfiguration { Name = name } : null;
}
