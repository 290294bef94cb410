using OpenTelemetry.Metrics;

namespace RiskFlag.Web.Monitoring;

public static class MetricsEndpointRouteBuilderExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>GET /metrics from OpenTelemetry's Prometheus exporter, unless Monitoring:Enabled is false.</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (!services.MonitoringEnabled())
        {
            return endpoints;
        }

        // Created now, before the host starts: the meter provider must listen when the start-up model load and the
        // first requests are recorded, and the gauges must exist for the first scrape.
        services.GetRequiredService<MeterProvider>();
        services.GetRequiredService<ServingModelGauges>();
        services.GetRequiredService<ThreadPoolGauges>();
        services.GetRequiredService<RiskMetrics>();

        // Scrapes are not traffic: they stay out of the HTTP request metrics (the tracing filter skips them too).
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: NoStore, optionsName: null)
            .DisableHttpMetrics()
            .ExcludeFromDescription()
            .RequireAuthorization(Identity.RiskPolicies.Metrics);
        return endpoints;
    }

    // A scrape is the present state; no proxy or browser should answer one from a cache.
    private static void NoStore(IApplicationBuilder branch) => branch.Use(next => context =>
    {
        context.Response.Headers.CacheControl = "no-store";
        return next(context);
    });
}
