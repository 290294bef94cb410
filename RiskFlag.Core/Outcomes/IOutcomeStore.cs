namespace RiskFlag.Core.Outcomes;

/// <summary>
/// Where outcomes are kept: beside the decision log, in the same SQLite file or PostgreSQL database. An outcome is
/// recorded once per decision; posting it again changes nothing.
/// </summary>
public interface IOutcomeStore
{
    Task EnsureSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores, in one transaction, the outcomes whose decision has none yet. For each outcome, in order: null when it was
    /// stored now, otherwise the value already recorded for its decision (the same value: a duplicate; the other: a
    /// conflict, and the recorded one stays).
    /// </summary>
    Task<IReadOnlyList<bool?>> RecordAsync(IReadOnlyList<OutcomeRecord> outcomes, CancellationToken cancellationToken = default);

    /// <summary>The matching outcomes, oldest decision first, read as the caller consumes them.</summary>
    IAsyncEnumerable<OutcomeRecord> ReadAsync(OutcomeQuery query, CancellationToken cancellationToken = default);

    /// <summary>Retention, with the decision log's: removes the outcomes of decisions made before the cutoff.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
