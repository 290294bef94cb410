using RiskFlag.Core.Decisions;

namespace RiskFlag.Tests.Decisions;

public class SqliteDecisionLogStoreTests : DecisionLogStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-decisions-").FullName;

    public SqliteDecisionLogStoreTests()
        : this(syncEveryCommit: false)
    {
    }

    protected SqliteDecisionLogStoreTests(bool syncEveryCommit) =>
        Store = new SqliteDecisionLogStore(Path.Combine(_directory, "decisions.db"), syncEveryCommit);

    protected override IDecisionLogStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same contract with a disk sync on every commit (synchronous=FULL).</summary>
public sealed class SqliteSyncEveryCommitDecisionLogStoreTests() : SqliteDecisionLogStoreTests(syncEveryCommit: true);
