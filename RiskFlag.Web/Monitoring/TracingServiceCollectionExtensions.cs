using OpenTelemetry.Trace;

namespace RiskFlag.Web.Monitoring;

public static class TracingServiceCollectionExtensions
{
    /// <summary>The standard OpenTelemetry variable naming the collector; set, it switches tracing on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces exported with OTLP (protocol, headers and batching from the standard OTEL_* variables): one span per
    /// request and the site's own child spans. Without an endpoint nothing is registered, so no listener makes
    /// ASP.NET Core sample or record spans.
    /// </summary>
    public static IServiceCollection AddRiskTracing(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            return services;
        }

        RiskOpenTelemetry.Add(services).WithTracing(tracing => tracing
            .AddSource(RiskActivitySource.Name)
            .AddAspNetCoreInstrumentation(options => options.Filter = IsTraffic)
            .AddOtlpExporter());
        return services;
    }

    // Scrapes and probes come every few seconds and say nothing about a request's path through the site.
    private static bool IsTraffic(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(MetricsEndpointRouteBuilderExtensions.MetricsPath, StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
