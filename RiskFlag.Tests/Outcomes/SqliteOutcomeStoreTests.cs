using Microsoft.Data.Sqlite;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Outcomes;

namespace RiskFlag.Tests.Outcomes;

public sealed class SqliteOutcomeStoreTests : OutcomeStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-outcomes-").FullName;

    public SqliteOutcomeStoreTests() => Store = new SqliteOutcomeStore(DatabasePath);

    protected override IOutcomeStore Store { get; }

    private string DatabasePath => Path.Combine(_directory, "decisions.db");

    [Fact]
    public async Task Outcomes_live_beside_the_decision_log_in_the_same_file()
    {
        using var decisions = new SqliteDecisionLogStore(DatabasePath);
        await decisions.EnsureSchemaAsync();
        await Store.EnsureSchemaAsync();
        var at = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var outcome = Outcome(at, true);

        await Store.RecordAsync([outcome]);
        await decisions.EnsureSchemaAsync();

        Assert.Equal(0, await decisions.CountAsync(new DecisionQuery()));
        var read = new List<OutcomeRecord>();
        await foreach (var one in new SqliteOutcomeStore(DatabasePath).ReadAsync(new OutcomeQuery()))
        {
            read.Add(one);
        }

        Assert.Equal(outcome, Assert.Single(read));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
