using Microsoft.Extensions.Diagnostics.HealthChecks;

using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Health;

/// <summary>Ready means able to score: a model is loaded.</summary>
public sealed class ModelReadyHealthCheck(RiskEnginePool pool) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(pool.GetServedModel(ModelNames.Champion) is { } model
            ? HealthCheckResult.Healthy($"serving model {model.Version}")
            : HealthCheckResult.Unhealthy($"no model loaded; expected at {pool.Slot(ModelNames.Champion).Path}"));
}
