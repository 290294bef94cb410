namespace RiskFlag.Core.Outcomes;

/// <summary>One row of an outcomes file: what became of the applicant a decision was about.</summary>
/// <param name="Line">Physical line in a CSV file, or the 1-based item number in a JSON array.</param>
/// <param name="DecisionId">The decision the outcome belongs to; null when the row names the applicant instead.</param>
/// <param name="ApplicantId">The applicant's own Id, used only when the row has no decision id.</param>
/// <param name="Defaulted">risk_flag: 1 = the applicant defaulted.</param>
/// <param name="ObservedAt">When the outcome was known; null when the file does not say.</param>
public sealed record ReportedOutcome(int Line, Guid? DecisionId, string? ApplicantId, bool Defaulted, DateTimeOffset? ObservedAt);
