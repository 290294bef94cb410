namespace RiskFlag.Core.Outcomes;

/// <summary>The columns (CSV) or keys (JSON) of an outcomes file, matched without regard to case or underscores.</summary>
public static class OutcomeColumns
{
    public const string DecisionId = "decision_id";
    public const string RiskFlag = "risk_flag";
    public const string ObservedAt = "observed_at";
    public const string ApplicantId = "Id";

    public static string? Resolve(string name) => Normalize(name) switch
    {
        "decisionid" => DecisionId,
        "riskflag" => RiskFlag,
        "observedat" => ObservedAt,
        "id" => ApplicantId,
        _ => null,
    };

    private static string Normalize(string name) =>
        name.Trim().TrimStart('\uFEFF').Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
