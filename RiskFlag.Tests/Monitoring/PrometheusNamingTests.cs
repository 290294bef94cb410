using RiskFlag.Web.Monitoring.Prometheus;

namespace RiskFlag.Tests.Monitoring;

/// <summary>OpenTelemetry names and units to Prometheus names, as OpenTelemetry's Prometheus exporter maps them.</summary>
public sealed class PrometheusNamingTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", PrometheusType.Histogram, "http_server_request_duration_seconds")]
    [InlineData("http.server.active_requests", "{request}", PrometheusType.Gauge, "http_server_active_requests")]
    [InlineData("riskflag.predictions", "{prediction}", PrometheusType.Counter, "riskflag_predictions_total")]
    [InlineData("dotnet.gc.heap.total_allocated", "By", PrometheusType.Counter, "dotnet_gc_heap_total_allocated_bytes_total")]
    [InlineData("dotnet.process.cpu.time", "s", PrometheusType.Counter, "dotnet_process_cpu_time_seconds_total")]
    [InlineData("riskflag.flagged_share", "1", PrometheusType.Gauge, "riskflag_flagged_share_ratio")]
    [InlineData("riskflag.risk_probability", "1", PrometheusType.Histogram, "riskflag_risk_probability")]
    [InlineData("errors.total", "{error}", PrometheusType.Counter, "errors_total")]
    [InlineData("transfer.rate", "By/s", PrometheusType.Gauge, "transfer_rate_bytes_per_second")]
    [InlineData("queue.latency.ms", "ms", PrometheusType.Gauge, "queue_latency_ms_milliseconds")]
    [InlineData("cache-hits..per  host", null, PrometheusType.Counter, "cache_hits_per_host_total")]
    [InlineData("9lives", null, PrometheusType.Gauge, "_9lives")]
    [InlineData("disk.io", "KiBy", PrometheusType.Counter, "disk_io_kibibytes_total")]
    [InlineData("request.size_bytes", "By", PrometheusType.Histogram, "request_size_bytes")]
    public void Metric_names(string instrument, string? unit, PrometheusType type, string expected) =>
        Assert.Equal(expected, PrometheusNaming.MetricName(instrument, unit, type));

    [Theory]
    [InlineData("dotnet.assembly.count", "dotnet_assemblies")]
    [InlineData("dotnet.process.cpu.count", "dotnet_process_cpus")]
    [InlineData("dotnet.thread_pool.thread.count", "dotnet_thread_pool_threads")]
    [InlineData("dotnet.timer.count", "dotnet_timers")]
    public void Runtime_gauges_ending_in_count_are_renamed_because_prometheus_reserves_the_suffix(string instrument, string expected) =>
        Assert.Equal(expected, PrometheusNaming.MetricName(instrument, "{x}", PrometheusType.Gauge));

    [Theory]
    [InlineData("http.route", "http_route")]
    [InlineData("gc.heap.generation", "gc_heap_generation")]
    [InlineData("2xx", "key_2xx")]
    [InlineData("a:b", "a_b")]
    public void Label_names(string tag, string expected) => Assert.Equal(expected, PrometheusNaming.LabelName(tag));
}
