namespace RiskFlag.Core.Decisions;

/// <summary>A search of the decision log; every criterion is optional. Newest decisions come first.</summary>
public sealed record DecisionQuery
{
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound.</summary>
    public DateTimeOffset? To { get; init; }

    public bool? Flag { get; init; }

    public string? ModelVersion { get; init; }

    public string? Channel { get; init; }

    public int Limit { get; init; } = 500;

    public int Offset { get; init; }
}
