namespace RiskFlag.Web.Outcomes;

/// <summary>The "Outcomes" configuration section: how live performance is measured.</summary>
public sealed class OutcomeOptions
{
    public const string Section = "Outcomes";

    /// <summary>Below this many outcomes a model (or a week) gets counts and rates but no AUC, Brier or log loss.</summary>
    public int MinimumOutcomes { get; set; } = 200;

    /// <summary>The window /metrics reports and the Performance page starts with: decisions of the last this many days.</summary>
    public int WindowDays { get; set; } = 90;

    /// <summary>How often the figures /metrics publishes are recomputed (and at once after outcomes are posted).</summary>
    public int RefreshSeconds { get; set; } = 300;
}
