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

    /// <summary>Only decisions older than this place: the page after one that ended there.</summary>
    public DecisionCursor? Before { get; init; }

    /// <summary>
    /// Only decisions newer than this place: the page before one that began there. When fewer than a page of them
    /// are left, the newest page is returned instead, so paging back towards the present ends on a full first page.
    /// </summary>
    public DecisionCursor? After { get; init; }

    /// <summary>The page size a store serves at most, whatever a caller asks for.</summary>
    public int BoundedLimit => Math.Clamp(Limit, 1, 10_000);

    /// <summary>True when a criterion other than the time range is set, so a stored batch's count is not the answer.</summary>
    public bool FiltersRecords => Flag is not null || !string.IsNullOrEmpty(ModelVersion) || !string.IsNullOrEmpty(Channel);

    public bool Matches(DecisionRecord record) =>
        (From is not { } from || record.DecidedAt >= from)
        && (To is not { } to || record.DecidedAt < to)
        && (Flag is not { } flag || record.Flag == flag)
        && (string.IsNullOrEmpty(ModelVersion) || record.ModelVersion == ModelVersion)
        && (string.IsNullOrEmpty(Channel) || record.Channel == Channel);
}
