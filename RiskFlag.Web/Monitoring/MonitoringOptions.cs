namespace RiskFlag.Web.Monitoring;

/// <summary>The "Monitoring" configuration section.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Off: no /metrics, the meter provider listens to no meter and there are no drift windows, so the instruments cost a branch each (for measuring their cost).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many of the latest scored applicants each model's drift window holds.</summary>
    public int DriftWindow { get; set; } = 1000;
}
