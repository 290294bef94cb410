using RiskFlag.Core.Decisions;

namespace RiskFlag.Tests.Decisions;

public class SqliteDecisionLogStoreTests : DecisionLogStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-decisions-").FullName;

    public SqliteDecisionLogStoreTests()
        : this(syncEveryCommit: false)
    {
    }

    protected SqliteDecisionLogStoreTests(bool syncEveryCommit, int mergeTarget = SqliteDecisionLogStore.DefaultMergeTarget) =>
        _store = new SqliteDecisionLogStore(Path.Combine(_directory, "decisions.db"), syncEveryCommit, mergeTarget);

    private readonly SqliteDecisionLogStore _store;

    protected override IDecisionLogStore Store => _store;

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same contract with a disk sync on every commit (synchronous=FULL).</summary>
public sealed class SqliteSyncEveryCommitDecisionLogStoreTests() : SqliteDecisionLogStoreTests(syncEveryCommit: true);

/// <summary>
/// The same contract with small segments merged as soon as a run of them holds 64 decisions, so the contract's batches
/// (1 to 60 decisions, overlapping in time, with equal times) are searched, paged and counted across merges.
/// </summary>
public sealed class SqliteMergingDecisionLogStoreTests() : SqliteDecisionLogStoreTests(syncEveryCommit: false, mergeTarget: 64);
