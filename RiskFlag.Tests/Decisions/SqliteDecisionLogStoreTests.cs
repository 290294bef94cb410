using RiskFlag.Core.Decisions;

namespace RiskFlag.Tests.Decisions;

public sealed class SqliteDecisionLogStoreTests : DecisionLogStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-decisions-").FullName;

    public SqliteDecisionLogStoreTests() => Store = new SqliteDecisionLogStore(Path.Combine(_directory, "decisions.db"));

    protected override IDecisionLogStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
