namespace RiskFlag.Web.Registry;

/// <summary>The "Registry" configuration section: where the model registry lives (the CLI's registry/ by default).</summary>
public sealed class SiteRegistryOptions
{
    public const string Section = "Registry";

    /// <summary>A relative path is looked up like Model:Path.</summary>
    public string Directory { get; set; } = "registry";

    /// <summary>The promotion gate, as in the CLI.</summary>
    public double MaxRocAucDrop { get; set; } = 0.01;

    /// <summary>With a shared registry (PostgreSQL): how often to check it, besides hearing its changes at once.</summary>
    public int CheckSeconds { get; set; } = 30;

    /// <summary>The live evidence gate (0: off): loans with outcomes both models decided, the challenger in shadow.</summary>
    public int MinLiveOutcomes { get; set; }

    /// <summary>With the live gate on: how far the challenger's live ROC AUC may be below the champion's.</summary>
    public double MaxLiveAucDrop { get; set; } = 0.01;
}
