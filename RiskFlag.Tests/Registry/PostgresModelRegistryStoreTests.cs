using Npgsql;

using RiskFlag.Core.Registry;
using RiskFlag.Tests.Decisions;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Registry;

/// <summary>The registry shared through PostgreSQL: what one instance registers and promotes, another sees, zips included.</summary>
[Collection(PostgresGroup.Name)]
[Trait("Category", "Database")]
public sealed class PostgresModelRegistryStoreTests : IAsyncLifetime, IDisposable
{
    private readonly PostgresServer _server;
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-pg-registry-").FullName;
    private string _connectionString = string.Empty;

    public PostgresModelRegistryStoreTests(PostgresServer server) => _server = server;

    public async Task InitializeAsync() => _connectionString = await _server.NewDatabaseAsync("registry");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void A_version_registered_and_promoted_on_one_instance_is_served_from_the_database_on_another()
    {
        var (first, firstStore) = Instance("a");
        var (second, secondStore) = Instance("b");
        using (firstStore)
        using (secondStore)
        {
            var v1 = first.Register(Bundle("one"), "run-1", "ana");
            var v2 = first.Register(Bundle("two"), "run-2", "ana");
            first.SetAlias(RegistryOptions.ChampionAlias, v1.Version, "ana", "baseline");

            var seen = second.State();
            var champion = second.PublishChampion();

            Assert.Equal([1, 2], seen.Versions.Select(v => v.Version));
            Assert.Equal(["one", "two"], seen.Versions.Select(v => v.ModelVersion));
            Assert.StartsWith(Path.Combine(_directory, "b"), champion.BundlePath, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllBytes(v1.BundlePath), File.ReadAllBytes(champion.BundlePath));
            Assert.Equal(File.ReadAllBytes(v1.BundlePath), File.ReadAllBytes(second.Options.ServedBundlePath));
            Assert.Equal(1, seen.Aliases[RegistryOptions.ChampionAlias]);
            var change = Assert.Single(seen.History);
            Assert.Equal(("champion", (int?)null, 1, "ana", "baseline"), (change.Alias, change.FromVersion, change.ToVersion, change.ChangedBy, change.Reason));

            second.SetAlias(RegistryOptions.ChampionAlias, v2.Version, "bo", "newer");
            Assert.Equal((int?)1, first.State().History[^1].FromVersion);
        }
    }

    [Fact]
    public async Task An_alias_change_is_announced_once_committed()
    {
        var (registry, store) = Instance("a");
        using (store)
        {
            var version = registry.Register(Bundle("one"), "run-1", "ana");
            await using var listener = new NpgsqlConnection(_connectionString);
            await listener.OpenAsync();
            var heard = new List<string>();
            listener.Notification += (_, e) => heard.Add($"{e.Channel} {e.Payload}");
            await using (var listen = new NpgsqlCommand($"LISTEN {PostgresModelRegistryStore.Channel}", listener))
            {
                await listen.ExecuteNonQueryAsync();
            }

            registry.SetAlias(RegistryOptions.ChampionAlias, version.Version, "ana", "baseline");
            await listener.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal([$"{PostgresModelRegistryStore.Channel} risk-flag:champion:1"], heard);
        }
    }

    [Fact]
    public async Task Instances_registering_at_once_get_distinct_version_numbers()
    {
        var bundle = Bundle("same");
        var instances = Enumerable.Range(0, 4).Select(i => Instance($"i{i}")).ToList();
        try
        {
            var versions = await Task.WhenAll(instances.Select(i => Task.Run(() => i.Registry.Register(bundle, "run", "ana").Version)));

            Assert.Equal([1, 2, 3, 4], versions.Order());
        }
        finally
        {
            instances.ForEach(i => i.Store?.Dispose());
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (ModelRegistry Registry, IDisposable? Store) Instance(string name) => ModelRegistry.Open(new RegistryOptions
    {
        Directory = Path.Combine(_directory, name, "registry"),
        ServedBundlePath = Path.Combine(_directory, name, "served", "risk-model.zip"),
    }, _connectionString);

    private string Bundle(string version)
    {
        var path = Path.Combine(_directory, $"{version}.zip");
        if (!File.Exists(path))
        {
            var model = TrainedBundles.Shared.Primary;
            (model with { Bundle = model.Bundle with { Manifest = model.Manifest with { Version = version } } }).Write(path);
        }

        return path;
    }
}
