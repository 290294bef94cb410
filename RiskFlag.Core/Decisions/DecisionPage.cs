namespace RiskFlag.Core.Decisions;

/// <summary>
/// One page of a search, newest first, with where the pages beside it start: <see cref="Older"/> goes in the next
/// query's <see cref="DecisionQuery.Before"/>, <see cref="Newer"/> in its <see cref="DecisionQuery.After"/>; each is
/// null when there is no such page (<see cref="Newer"/> is null on the newest page).
/// </summary>
public sealed record DecisionPage(IReadOnlyList<DecisionRecord> Records, DecisionCursor? Older, DecisionCursor? Newer)
{
    public static readonly DecisionPage Empty = new([], null, null);
}
