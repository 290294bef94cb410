using Npgsql;

using RiskFlag.Core.Outcomes;
using RiskFlag.Tests.Decisions;

namespace RiskFlag.Tests.Outcomes;

/// <summary>The same contract against a real PostgreSQL; each test gets its own database.</summary>
[Collection(PostgresGroup.Name)]
[Trait("Category", "Database")]
public sealed class PostgresOutcomeStoreTests : OutcomeStoreContract, IAsyncLifetime, IDisposable
{
    private readonly PostgresServer _server;
    private PostgresOutcomeStore? _store;

    public PostgresOutcomeStoreTests(PostgresServer server) => _server = server;

    protected override IOutcomeStore Store => _store!;

    private string ConnectionString { get; set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await _server.NewDatabaseAsync("outcomes");
        _store = new PostgresOutcomeStore(ConnectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Instances_creating_the_schema_at_once_on_an_empty_database_all_succeed()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgresOutcomeStore(ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(stores.Select(s => Task.Run(() => s.EnsureSchemaAsync())));
            Assert.Empty(await stores[0].RecordAsync([]));
            Assert.Equal([null], await stores[1].RecordAsync([Outcome(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), true)]));
        }
        finally
        {
            stores.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Many_concurrent_posts_of_the_same_outcomes_neither_deadlock_nor_store_twice()
    {
        await Store.EnsureSchemaAsync();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var outcomes = Enumerable.Range(0, 400).Select(i => Outcome(start.AddSeconds(i), i % 2 == 0)).ToList();
        var random = new Random(9);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
        {
            var shuffled = outcomes.OrderBy(_ => random.Next()).ToList();
            return Task.Run(async () => (Posted: shuffled, Answers: await Store.RecordAsync(shuffled)));
        }));

        var fresh = answers.SelectMany(a => a.Posted.Zip(a.Answers)).Where(x => x.Second is null).Select(x => x.First.DecisionId).ToList();
        Assert.Equal(outcomes.Select(o => o.DecisionId).Order(), fresh.Order());
        Assert.All(answers.SelectMany(a => a.Posted.Zip(a.Answers)).Where(x => x.Second is not null), x => Assert.Equal(x.First.Defaulted, x.Second));
    }

    public void Dispose() => _store?.Dispose();
}
