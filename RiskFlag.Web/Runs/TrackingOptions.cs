namespace RiskFlag.Web.Runs;

/// <summary>The "Tracking" configuration section: the MLflow-style runs folder training writes to.</summary>
public sealed class TrackingOptions
{
    public const string Section = "Tracking";

    /// <summary>A relative path is looked up like Model:Path.</summary>
    public string Directory { get; set; } = "mlruns";
}
