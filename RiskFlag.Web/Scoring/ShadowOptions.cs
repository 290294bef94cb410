namespace RiskFlag.Web.Scoring;

/// <summary>The "Shadow" configuration section: scoring live applicants with the challenger too, off the request path.</summary>
public sealed class ShadowOptions
{
    public const string Section = "Shadow";

    /// <summary>On by default: shadow scoring runs whenever a challenger is loaded (Model:ChallengerPath).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Applicants waiting for the challenger; beyond this they are dropped (and counted), never waited for.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// The share of decided applicants the challenger scores, picked by decision id, so a comparison grows at that rate
    /// on a random sample of loans. Half by default: on a saturated 2-core site scoring all of them cost the champion
    /// 13–30 % of its throughput, half of them 0–22 % (docs/outcomes.md). 1 scores every one.
    /// </summary>
    public double SampleRate { get; set; } = 0.5;

    /// <summary>At most this many shadow decisions go to the log in one commit.</summary>
    public int BatchSize { get; set; } = 256;
}
