using System.Text.Json;

using Npgsql;

using RiskFlag.Core.Registry;
using RiskFlag.Tests.Decisions;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Registry;

/// <summary>Sites on one PostgreSQL follow the shared registry: a promotion made anywhere reaches every instance.</summary>
[Collection(PostgresGroup.Name)]
[Trait("Category", "Database")]
public sealed class SharedRegistrySiteTests(PostgresServer server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-shared-registry-").FullName;

    [Fact]
    public async Task A_champion_set_from_the_command_line_reaches_every_instance()
    {
        var connection = await NewDatabaseAsync();
        var (cli, store) = ModelRegistry.Open(new RegistryOptions
        {
            Directory = Path.Combine(_directory, "cli", "registry"),
            ServedBundlePath = Path.Combine(_directory, "cli", "risk-model.zip"),
        }, connection);
        using var _ = store;
        var first = cli.Register(Write("first.zip", TrainedBundles.Shared.Primary), "run-1", "ana");
        var second = cli.Register(Write("second.zip", TrainedBundles.Shared.Secondary), "run-2", "ana");
        cli.SetAlias(RegistryOptions.ChampionAlias, first.Version, "ana", "baseline");

        var settings = new Dictionary<string, string?> { ["ConnectionStrings:RiskFlag"] = connection, ["Registry:CheckSeconds"] = "1" };
        using var modelA = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var modelB = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var siteA = new RiskFlagWebFactory(modelA, settings);
        using var siteB = new RiskFlagWebFactory(modelB, settings);
        var clients = new[] { siteA.CreateClient(), siteB.CreateClient() };

        cli.SetAlias(RegistryOptions.ChampionAlias, second.Version, "ana", "retrained");

        foreach (var client in clients)
        {
            await Eventually.AssertAsync(async () => await VersionAsync(client) == second.ModelVersion, "the instance serving the new champion", TimeSpan.FromSeconds(20));
            var skew = Assert.Single(await Monitoring.MonitoredSite.ScrapeAsync(client), m => m.Name == "riskflag_registry_skew");
            Assert.Equal(0, skew.Value);
        }

        Assert.Equal(File.ReadAllBytes(second.BundlePath), File.ReadAllBytes(modelB.BundlePath));
    }

    [Fact]
    public async Task An_instance_that_cannot_load_the_new_champion_keeps_the_old_one_and_reports_the_skew()
    {
        var connection = await NewDatabaseAsync();
        var (cli, store) = ModelRegistry.Open(new RegistryOptions
        {
            Directory = Path.Combine(_directory, "cli", "registry"),
            ServedBundlePath = Path.Combine(_directory, "cli", "risk-model.zip"),
        }, connection);
        using var _ = store;
        var first = cli.Register(Write("first.zip", TrainedBundles.Shared.Primary), "run-1", "ana");
        var second = cli.Register(Write("second.zip", TrainedBundles.Shared.Secondary), "run-2", "ana");
        cli.SetAlias(RegistryOptions.ChampionAlias, first.Version, "ana", "baseline");
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        // This instance's copy of version 2 is damaged (a full disk, say), before the site starts and reads the registry.
        var copy = Path.Combine(model.Path, "registry", "versions", "2", "risk-model.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        await File.WriteAllTextAsync(copy, "not a model");
        using var site = new RiskFlagWebFactory(model, new Dictionary<string, string?> { ["ConnectionStrings:RiskFlag"] = connection, ["Registry:CheckSeconds"] = "1" });
        var client = site.CreateClient();

        cli.SetAlias(RegistryOptions.ChampionAlias, second.Version, "ana", "retrained");

        await Eventually.AssertAsync(
            async () => (await Monitoring.MonitoredSite.ScrapeAsync(client)).Single(m => m.Name == "riskflag_registry_skew").Value == 1, "the skew to show");
        Assert.Equal(first.ModelVersion, await VersionAsync(client));
        Assert.Equal(File.ReadAllBytes(first.BundlePath), File.ReadAllBytes(model.BundlePath));
        var ready = await site.CreateAnonymousClient().GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<string?> VersionAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/model")).RootElement.GetProperty("version").GetString();

    private string Write(string name, RiskFlag.Training.Pipeline.TrainedModel model)
    {
        var path = Path.Combine(_directory, name);
        model.Write(path);
        return path;
    }

    private Task<string> NewDatabaseAsync() => server.NewDatabaseAsync("shared");
}
