using RiskFlag.Web.Monitoring.Prometheus;

namespace RiskFlag.Web.Monitoring;

/// <summary>GET /metrics: everything the collector holds, in the Prometheus text format.</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IResult Handle(HttpContext context, PrometheusCollector collector)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(collector.Collect(), PrometheusText.ContentType);
    }
}
