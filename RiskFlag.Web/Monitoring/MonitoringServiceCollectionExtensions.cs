using System.Diagnostics.Metrics;

using Microsoft.Extensions.Options;

using OpenTelemetry.Metrics;

namespace RiskFlag.Web.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Meters exported on /metrics besides the runtime's (added by the runtime instrumentation): the site's own, and
    /// ASP.NET Core's HTTP server, Kestrel and error handling meters.
    /// </summary>
    public static IReadOnlyList<string> ExportedMeters { get; } =
    [
        RiskMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics",
    ];

    /// <summary>
    /// Instruments for scoring, drift and the model, and the OpenTelemetry meter provider whose Prometheus exporter
    /// serves /metrics (listening to the meters below unless Monitoring:Enabled is false).
    /// </summary>
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
        services.AddSingleton<ThreadPoolGauges>();
        // Registered either way: the factory's settings in tests (and any configuration source) are only known once
        // the service provider is built. Switched off, the provider listens to no meter, so nothing is measured.
        RiskOpenTelemetry.Add(services).WithMetrics(metrics =>
        {
            metrics.AddPrometheusExporter(options =>
            {
                // Every scrape reads the instruments afresh; Prometheus scrapes every 15 s, so a cache saves nothing.
                options.ScrapeResponseCacheDurationMilliseconds = 0;
                // One meter per metric name here: scope labels would only repeat the meter name on every series.
                options.ScopeInfoEnabled = false;
            });
            ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
            {
                if (!provider.MonitoringEnabled())
                {
                    return;
                }

                builder.AddMeter([.. ExportedMeters, ThreadPoolGauges.MeterName])
                    .AddRuntimeInstrumentation()
                    .AddView(new MetricViews(provider.GetRequiredService<IMeterFactory>()).For);
            });
        });

        return services;
    }

    internal static bool MonitoringEnabled(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<MonitoringOptions>>().Value.Enabled;
}
