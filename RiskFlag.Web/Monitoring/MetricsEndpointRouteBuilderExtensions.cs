using RiskFlag.Web.Monitoring.Prometheus;

namespace RiskFlag.Web.Monitoring;

public static class MetricsEndpointRouteBuilderExtensions
{
    /// <summary>GET /metrics, unless Monitoring:Enabled is false.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (!services.MonitoringEnabled())
        {
            return endpoints;
        }

        // Created now, before the host starts: the listener must exist when the start-up model load and the first
        // requests are recorded, and the model gauges must exist for the first scrape.
        services.GetRequiredService<PrometheusCollector>();
        services.GetRequiredService<ServingModelGauges>();
        services.GetRequiredService<RiskMetrics>();

        // Scrapes are not traffic: they stay out of the HTTP request metrics.
        endpoints.MapGet(MetricsEndpoint.Path, MetricsEndpoint.Handle).DisableHttpMetrics().ExcludeFromDescription();
        return endpoints;
    }
}
