namespace RiskFlag.Core.Outcomes;

/// <summary>What became of each row of an outcomes file. Every row is counted exactly once.</summary>
/// <param name="Read">Rows read.</param>
/// <param name="Matched">Rows whose outcome was recorded now.</param>
/// <param name="Duplicate">Rows whose decision already had this outcome: nothing changed.</param>
/// <param name="Unknown">Rows naming no decision the log holds.</param>
/// <param name="Conflict">Rows contradicting the outcome already recorded for their decision, which stays.</param>
/// <param name="Bad">Rows that could not be read (a field missing or malformed).</param>
/// <param name="Rejected">Every unknown, conflicting and bad row, by line.</param>
public sealed record OutcomeReport(int Read, int Matched, int Duplicate, int Unknown, int Conflict, int Bad, IReadOnlyList<OutcomeRejection> Rejected);

/// <param name="Kind">unknown, conflict or bad.</param>
/// <param name="Field">The column at fault, or "row".</param>
public sealed record OutcomeRejection(int Line, string Kind, string Field, string Reason)
{
    public const string UnknownKind = "unknown";
    public const string ConflictKind = "conflict";
    public const string BadKind = "bad";
}
