using OpenTelemetry;
using OpenTelemetry.Resources;

namespace RiskFlag.Web.Monitoring;

/// <summary>The site's OpenTelemetry registration, shared by metrics and tracing so both describe the same service.</summary>
public static class RiskOpenTelemetry
{
    /// <summary>The service name on target_info and on exported spans; OTEL_SERVICE_NAME still overrides it.</summary>
    public const string ServiceName = "riskflag";

    public static OpenTelemetryBuilder Add(IServiceCollection services) =>
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
}
