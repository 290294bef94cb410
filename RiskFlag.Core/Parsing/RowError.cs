namespace RiskFlag.Core.Parsing;

/// <summary>Why one input record was rejected.</summary>
/// <param name="Line">Physical line of the record in a CSV file, or the 1-based item number in a JSON array.</param>
/// <param name="Field">The canonical column name (e.g. "Age"), or "row" when the record as a whole is malformed.</param>
public sealed record RowError(int Line, string Field, string Reason)
{
    public override string ToString() => $"line {Line}: {Field}: {Reason}";
}
