namespace RiskFlag.Core.Scoring;

/// <summary>How the reasons for a score are computed.</summary>
public enum Explanation
{
    /// <summary>No reasons: the fastest path.</summary>
    None,

    /// <summary>Path attributions (Saabas): microseconds, good enough to rank factors in bulk.</summary>
    Approximate,

    /// <summary>Exact SHAP values (TreeSHAP): consistent attributions for a single applicant on screen.</summary>
    Exact,
}
