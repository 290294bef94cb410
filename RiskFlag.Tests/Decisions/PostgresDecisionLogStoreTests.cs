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

    public void Dispose() => _store?.Dispose();
}
