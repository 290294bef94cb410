namespace RiskFlag.Web.Scoring;

/// <summary>The "Shadow" configuration section: scoring live applicants with the challenger too, off the request path.</summary>
public sealed class ShadowOptions
{
    public const string Section = "Shadow";

    /// <summary>On by default: shadow scoring runs whenever a challenger is loaded (Model:ChallengerPath).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Applicants waiting for the challenger; beyond this they are dropped (and counted), never waited for.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>At most this many shadow decisions go to the log in one commit.</summary>
    public int BatchSize { get; set; } = 256;
}
