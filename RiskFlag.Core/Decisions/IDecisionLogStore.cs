namespace RiskFlag.Core.Decisions;

/// <summary>Where decisions are kept. SQLite by default, PostgreSQL when configured; both pass the same tests.</summary>
public interface IDecisionLogStore
{
    Task EnsureSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends the records in one transaction: all of them are stored or none.</summary>
    Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DecisionRecord>> SearchAsync(DecisionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every match, newest first (the query's Limit and Offset do not apply), read as the caller consumes it, so an
    /// export of millions of decisions holds few in memory.
    /// </summary>
    IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, CancellationToken cancellationToken = default);

    Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Retention: removes decisions older than the cutoff and returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
