using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace RiskFlag.Web.Health;

public static class HealthEndpointRouteBuilderExtensions
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddRiskHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ModelReadyHealthCheck>("model", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Live: the process answers (no checks). Ready: a model is loaded (503 until then).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics().AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return endpoints;
    }
}
