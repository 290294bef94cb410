using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Monitoring;

/// <summary>Counts every load attempt of the pool's models by outcome.</summary>
public sealed class ReloadMetricsObserver(RiskMetrics metrics) : IModelReloadObserver
{
    public void OnReload(string modelName, ReloadEvent reload) => metrics.RecordReload(modelName, reload.Outcome);
}
