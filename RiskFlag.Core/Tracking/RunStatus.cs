namespace RiskFlag.Core.Tracking;

/// <summary>MLflow's run status codes, as its file store writes them.</summary>
public enum RunStatus
{
    Running = 1,
    Scheduled = 2,
    Finished = 3,
    Failed = 4,
    Killed = 5,
}
