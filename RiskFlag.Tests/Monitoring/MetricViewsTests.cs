using System.Diagnostics.Metrics;

using Microsoft.Extensions.DependencyInjection;

using OpenTelemetry.Metrics;

using RiskFlag.Web.Monitoring;

namespace RiskFlag.Tests.Monitoring;

/// <summary>The site's one view: whose instruments it exports, and the names it changes.</summary>
public sealed class MetricViewsTests : IDisposable
{
    private readonly ServiceProvider _own = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ServiceProvider _other = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly Meter _runtime = new(MetricViews.RuntimeMeter);
    private readonly MetricViews _views;

    public MetricViewsTests() => _views = new MetricViews(_own.GetRequiredService<IMeterFactory>());

    public void Dispose()
    {
        _runtime.Dispose();
        _own.Dispose();
        _other.Dispose();
    }

    [Fact]
    public void Instruments_of_another_hosts_meter_factory_are_dropped_and_this_hosts_kept()
    {
        var mine = _own.GetRequiredService<IMeterFactory>().Create(RiskMetrics.MeterName).CreateCounter<long>("riskflag.predictions");
        var theirs = _other.GetRequiredService<IMeterFactory>().Create(RiskMetrics.MeterName).CreateCounter<long>("riskflag.predictions");

        Assert.Null(_views.For(mine));
        Assert.Same(MetricStreamConfiguration.Drop, _views.For(theirs));
    }

    [Theory]
    [InlineData("dotnet.assembly.count", "dotnet.assemblies")]
    [InlineData("dotnet.process.cpu.count", "dotnet.process.cpus")]
    [InlineData("dotnet.timer.count", "dotnet.timers")]
    public void Runtime_gauges_ending_in_count_are_renamed_because_prometheus_reserves_the_suffix(string instrument, string expected)
    {
        var gauge = _runtime.CreateObservableUpDownCounter(instrument, () => 1L);

        Assert.Equal(expected, _views.For(gauge)?.Name);
    }

    [Fact]
    public void The_runtimes_thread_pool_values_published_as_counters_are_dropped_for_the_sites_gauges()
    {
        Assert.Same(MetricStreamConfiguration.Drop, _views.For(_runtime.CreateObservableCounter("dotnet.thread_pool.thread.count", () => 1L)));
        Assert.Same(MetricStreamConfiguration.Drop, _views.For(_runtime.CreateObservableCounter("dotnet.thread_pool.queue.length", () => 1L)));
        // Once the runtime publishes them as what they are, they pass unchanged.
        Assert.Null(_views.For(_runtime.CreateObservableUpDownCounter("dotnet.thread_pool.queue.length", () => 1L)));
    }

    [Fact]
    public void The_flagged_share_keeps_the_ratio_suffix_the_exporter_does_not_add()
    {
        var share = _own.GetRequiredService<IMeterFactory>().Create(RiskMetrics.MeterName).CreateObservableGauge("riskflag.flagged_share", () => 0.1, "1");

        Assert.Equal("riskflag.flagged_share_ratio", _views.For(share)?.Name);
    }

    [Fact]
    public void Other_instruments_get_the_default_stream()
    {
        Assert.Null(_views.For(_runtime.CreateCounter<long>("dotnet.gc.collections")));
        Assert.Null(_views.For(_own.GetRequiredService<IMeterFactory>().Create("Microsoft.AspNetCore.Hosting").CreateHistogram<double>("http.server.request.duration")));
    }
}
