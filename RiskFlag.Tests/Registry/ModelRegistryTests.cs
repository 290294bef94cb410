using RiskFlag.Core.Bundle;
using RiskFlag.Core.Registry;
using RiskFlag.Tests.Training;

namespace RiskFlag.Tests.Registry;

[Collection(TrainedModelGroup.Name)]
public sealed class ModelRegistryTests(TrainedModelFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-registry-").FullName;

    private RegistryOptions Options => new()
    {
        Directory = Path.Combine(_directory, "registry"),
        ServedBundlePath = Path.Combine(_directory, "served", "risk-model.zip"),
        MaxRocAucDrop = 0.01,
    };

    [Fact]
    public void Setting_the_champion_publishes_its_bundle_and_records_who_and_why()
    {
        var registry = ModelRegistry.Open(Options);
        var v1 = registry.Register(BundleWithAuc(0.80), "run-1", "alice");

        var change = registry.SetAlias(RegistryOptions.ChampionAlias, v1.Version, "alice", "first model");

        Assert.Equal(1, v1.Version);
        Assert.Equal(File.ReadAllBytes(v1.BundlePath), File.ReadAllBytes(Options.ServedBundlePath));
        Assert.Equal(("champion", (int?)null, 1, "alice", "first model"), (change.Alias, change.FromVersion, change.ToVersion, change.ChangedBy, change.Reason));
        Assert.Equal(1, ModelRegistry.Open(Options).State().Aliases["champion"]);
    }

    [Fact]
    public void A_challenger_much_worse_than_the_champion_is_stopped_by_the_gate_unless_forced()
    {
        var registry = ModelRegistry.Open(Options);
        var good = registry.Register(BundleWithAuc(0.80), "run-1", "alice");
        var worse = registry.Register(BundleWithAuc(0.75), "run-2", "bob");
        registry.SetAlias("champion", good.Version, "alice", "baseline");
        registry.SetAlias("challenger", worse.Version, "bob", "new data");

        var error = Assert.Throws<RegistryException>(() => registry.Promote("bob", "try"));
        Assert.Contains("gate failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(good.Version, registry.State().Aliases["champion"]);
        Assert.Equal(File.ReadAllBytes(good.BundlePath), File.ReadAllBytes(Options.ServedBundlePath));

        var forced = registry.Promote("carol", "business decision", force: true);
        Assert.Equal("promote (forced)", forced.Action);
        Assert.Contains("gate overridden", forced.Reason, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(worse.BundlePath), File.ReadAllBytes(Options.ServedBundlePath));
    }

    [Fact]
    public void Rollback_walks_back_through_previous_champions()
    {
        var registry = ModelRegistry.Open(Options);
        double[] aucs = [0.80, 0.805, 0.81];
        var versions = aucs.Select((auc, i) => registry.Register(BundleWithAuc(auc), $"run-{i}", "alice")).ToList();
        registry.SetAlias("champion", versions[0].Version, "alice", "v1");
        foreach (var next in versions.Skip(1))
        {
            registry.SetAlias("challenger", next.Version, "alice", "better");
            registry.Promote("alice", "better");
        }

        Assert.Equal(2, registry.Rollback("ops", "incident").ToVersion);
        Assert.Equal(1, registry.Rollback("ops", "still bad").ToVersion);
        Assert.Equal(1, registry.State().Aliases["champion"]);
        Assert.Equal(File.ReadAllBytes(versions[0].BundlePath), File.ReadAllBytes(Options.ServedBundlePath));
        Assert.Throws<RegistryException>(() => registry.Rollback("ops", "nothing left"));
        Assert.Equal(["set", "promote", "promote", "rollback", "rollback"], registry.State().History.Where(h => h.Alias == "champion").Select(h => h.Action));
    }

    [Fact]
    public void Unknown_versions_and_bad_aliases_are_refused()
    {
        var registry = ModelRegistry.Open(Options);
        registry.Register(BundleWithAuc(0.8), "run-1", "alice");

        Assert.Throws<RegistryException>(() => registry.SetAlias("champion", 9, "alice", string.Empty));
        Assert.Throws<RegistryException>(() => registry.SetAlias("no spaces", 1, "alice", string.Empty));
        Assert.Throws<RegistryException>(() => registry.Promote("alice", "no challenger"));
        Assert.False(File.Exists(Options.ServedBundlePath));
    }

    [Fact]
    public async Task Concurrent_registrations_get_distinct_version_numbers()
    {
        var bundle = BundleWithAuc(0.8);
        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => ModelRegistry.Open(Options).Register(bundle, $"run-{i}", "ci"))));

        Assert.Equal(Enumerable.Range(1, 8), versions.Select(v => v.Version).Order());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Rewritten metrics stand in for models of different quality; the gate reads only the metrics.
    private string BundleWithAuc(double auc)
    {
        var path = Path.Combine(_directory, $"bundle-{auc:0.000}-{Guid.NewGuid():N}.zip");
        var metrics = fixture.Bundle.Metrics with { Grouped = fixture.Bundle.Metrics.Grouped with { RocAuc = auc } };
        (fixture.Model with { Bundle = fixture.Bundle with { Metrics = metrics } }).Write(path);
        return path;
    }
}
