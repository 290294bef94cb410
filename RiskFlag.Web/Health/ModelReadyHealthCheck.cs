using Microsoft.Extensions.Diagnostics.HealthChecks;

using RiskFlag.Web.Model;

namespace RiskFlag.Web.Health;

/// <summary>Ready means able to score: a model is loaded.</summary>
public sealed class ModelReadyHealthCheck(ModelHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.Current is { } model
            ? HealthCheckResult.Healthy($"serving model {model.Version}")
            : HealthCheckResult.Unhealthy($"no model loaded; expected at {host.ModelPath}"));
}
