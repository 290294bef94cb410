namespace RiskFlag.Core.Decisions;

/// <summary>Where decisions are kept. SQLite by default, PostgreSQL when configured; both pass the same tests.</summary>
public interface IDecisionLogStore
{
    Task EnsureSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends the records in one transaction: all of them are stored or none.</summary>
    Task AppendAsync(IReadOnlyList<DecisionRecord> records, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of matches, newest first, found by seeking (the query's Before or After cursor): its time and memory do
    /// not grow with how deep in the log it is.
    /// </summary>
    Task<DecisionPage> PageAsync(DecisionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every match, newest first (the query's Limit and cursors do not apply), read as the caller consumes it, so an
    /// export of millions of decisions holds few in memory.
    /// </summary>
    IAsyncEnumerable<DecisionRecord> ReadAllAsync(DecisionQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The logged decisions among these ids, by id. Decisions logged before they had ids are never found; neither is one
    /// still waiting in the writer's queue.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, DecisionRecord>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each applicant Id, up to two logged decisions about it: enough to tell one decision from several. SQLite reads
    /// the whole log for this (once per call, whatever the number of Ids); PostgreSQL has an index.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<DecisionRecord>>> FindByApplicantAsync(IReadOnlyCollection<string> applicantIds, CancellationToken cancellationToken = default);

    Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Retention: removes decisions older than the cutoff and returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}

public static class DecisionLogStoreExtensions
{
    /// <summary>The records of <see cref="IDecisionLogStore.PageAsync"/>'s page.</summary>
    public static async Task<IReadOnlyList<DecisionRecord>> SearchAsync(this IDecisionLogStore store, DecisionQuery query, CancellationToken cancellationToken = default) =>
        (await store.PageAsync(query, cancellationToken)).Records;
}
