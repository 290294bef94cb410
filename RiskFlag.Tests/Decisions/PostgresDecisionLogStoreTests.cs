using Npgsql;

using RiskFlag.Core.Decisions;

namespace RiskFlag.Tests.Decisions;

[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

/// <summary>The same contract against a real PostgreSQL; each test gets its own database.</summary>
[Collection(PostgresGroup.Name)]
[Trait("Category", "Database")]
public sealed class PostgresDecisionLogStoreTests : DecisionLogStoreContract, IAsyncLifetime, IDisposable
{
    private readonly PostgresServer _server;
    private readonly string _database = $"decisions_{Guid.NewGuid():N}";
    private PostgresDecisionLogStore? _store;

    public PostgresDecisionLogStoreTests(PostgresServer server) => _server = server;

    protected override IDecisionLogStore Store => _store!;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(_server.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        _store = new PostgresDecisionLogStore(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ToString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Instances_creating_the_schema_at_once_on_an_empty_database_all_succeed()
    {
        var connection = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ToString();
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgresDecisionLogStore(connection)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.EnsureSchemaAsync())));
            Assert.Equal(0L, await stores[0].CountAsync(new DecisionQuery()));
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_log_without_hourly_counts_gets_them_once_and_counts_stay_exact()
    {
        await Store.EnsureSchemaAsync();
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, 90).Select(i => Decision(start.AddMinutes(7 * i), i % 3 == 0, i < 40 ? "v1" : "v2")).ToList();
        await Store.AppendAsync(records);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ToString()))
        {
            await connection.OpenAsync();
            // As a log from before the hourly counts was: without them, and without the schema history that came later still.
            await using var drop = new NpgsqlCommand("DROP TABLE decision_counts; DROP TABLE schema_history", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await Store.EnsureSchemaAsync();
        await Store.EnsureSchemaAsync();

        var window = new DecisionQuery { From = start.AddMinutes(50), To = start.AddMinutes(500), Flag = true, ModelVersion = "v2" };
        Assert.Equal(records.Count(window.Matches), await Store.CountAsync(window));
        Assert.Equal(30, await Store.CountAsync(new DecisionQuery { Flag = true }));
        Assert.Equal(90, await Store.CountAsync(new DecisionQuery()));
    }

    public void Dispose() => _store?.Dispose();
}
