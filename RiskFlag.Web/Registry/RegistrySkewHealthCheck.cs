using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RiskFlag.Web.Registry;

/// <summary>Degraded (still ready: the old model serves) while this instance is not on the shared registry's champion.</summary>
public sealed class RegistrySkewHealthCheck(RegistryFollower follower) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(follower.Skewed
            ? HealthCheckResult.Degraded($"the registry's champion is {follower.WantedChampion}, and this instance does not serve it")
            : HealthCheckResult.Healthy());
}
