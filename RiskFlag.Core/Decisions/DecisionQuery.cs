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

    /// <summary>True when a criterion other than the time range is set, so a stored batch's count is not the answer.</summary>
    public bool FiltersRecords => Flag is not null || !string.IsNullOrEmpty(ModelVersion) || !string.IsNullOrEmpty(Channel);

    public bool Matches(DecisionRecord record) =>
        (From is not { } from || record.DecidedAt >= from)
        && (To is not { } to || record.DecidedAt < to)
        && (Flag is not { } flag || record.Flag == flag)
        && (string.IsNullOrEmpty(ModelVersion) || record.ModelVersion == ModelVersion)
        && (string.IsNullOrEmpty(Channel) || record.Channel == Channel);
}
