using RiskFlag.Core.Parsing;

namespace RiskFlag.Core.Outcomes;

/// <summary>One row as read: its outcome, or why it cannot be one.</summary>
public sealed record OutcomeRow(int Line, ReportedOutcome? Outcome, IReadOnlyList<RowError> Errors);
