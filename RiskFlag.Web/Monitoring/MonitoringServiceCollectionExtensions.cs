using System.Diagnostics.Metrics;

using Microsoft.Extensions.Options;

using RiskFlag.Web.Monitoring.Prometheus;

namespace RiskFlag.Web.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// The meters exported on /metrics: the site's own, ASP.NET Core's HTTP server, Kestrel and error handling
    /// metrics, and the runtime's process, GC and thread pool metrics.
    /// </summary>
    public static IReadOnlyList<string> ExportedMeters { get; } =
    [
        RiskMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Runtime",
    ];

    /// <summary>Instruments for scoring, drift and the model, and the Prometheus collector behind /metrics.</summary>
    public static IServiceCollection AddRiskMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitoringOptions>()
            .Bind(configuration.GetSection(MonitoringOptions.Section))
            .Validate(o => o.DriftWindow >= 1, "Monitoring:DriftWindow must be at least 1")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<RiskMetrics>();
        services.AddSingleton<ModelDriftWindows>();
        services.AddSingleton<ServingModelGauges>();
        services.AddSingleton(provider =>
        {
            var meters = provider.GetRequiredService<IMeterFactory>();
            var exported = ExportedMeters.ToHashSet(StringComparer.Ordinal);
            // Meters made by a meter factory belong to one host; in a process with several hosts (the tests) each
            // site exports only its own, plus the process-wide runtime meter.
            return new PrometheusCollector(
                instrument => exported.Contains(instrument.Meter.Name) && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meters)),
                provider.GetRequiredService<ILogger<PrometheusCollector>>());
        });
        return services;
    }

    internal static bool MonitoringEnabled(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<MonitoringOptions>>().Value.Enabled;
}
