using RiskFlag.Core.Evaluation;
using RiskFlag.Core.Outcomes;
using RiskFlag.Core.Registry;
using RiskFlag.Tests.Training;

namespace RiskFlag.Tests.Registry;

[Collection(TrainedModelGroup.Name)]
public sealed class LiveGateTests(TrainedModelFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-live-gate-").FullName;

    [Fact]
    public void Without_the_live_gate_a_promotion_records_the_live_evidence_it_had()
    {
        var registry = TwoContenders(minLiveOutcomes: 0);

        var change = registry.Promote("ana", "better on new data", live: Evidence(800, champion: 0.80, challenger: 0.82));

        Assert.Equal(2, change.ToVersion);
        Assert.Contains("[live ROC AUC challenger 0.8200 vs champion 0.8000 on 800 shared outcomes, difference +0.0200", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_live_gate_refuses_a_promotion_without_enough_shared_outcomes()
    {
        var registry = TwoContenders(minLiveOutcomes: 500);

        var none = Assert.Throws<RegistryException>(() => registry.Promote("ana", "try"));
        var few = Assert.Throws<RegistryException>(() => registry.Promote("ana", "try", live: Evidence(499, 0.80, 0.85)));
        var otherVersions = Assert.Throws<RegistryException>(() => registry.Promote("ana", "try", live: Evidence(900, 0.80, 0.85) with { ChampionVersion = "elsewhere" }));

        Assert.Contains("live gate failed: challenger v2 vs champion v1: no shared live outcomes; the gate needs 500", none.Message, StringComparison.Ordinal);
        Assert.Contains("on 499 shared outcomes", few.Message, StringComparison.Ordinal);
        Assert.Contains("no shared live outcomes", otherVersions.Message, StringComparison.Ordinal);
        Assert.Equal(1, registry.State().Aliases[RegistryOptions.ChampionAlias]);
    }

    [Fact]
    public void The_live_gate_refuses_a_challenger_worse_live_by_more_than_the_margin_and_passes_one_within_it()
    {
        var registry = TwoContenders(minLiveOutcomes: 500);

        var worse = Assert.Throws<RegistryException>(() => registry.Promote("ana", "try", live: Evidence(800, champion: 0.80, challenger: 0.78)));
        var passed = registry.Promote("ana", "close enough", live: Evidence(800, champion: 0.80, challenger: 0.795));

        Assert.Contains("difference -0.0200", worse.Message, StringComparison.Ordinal);
        Assert.Contains("the allowed drop is 0.0100", worse.Message, StringComparison.Ordinal);
        Assert.Equal(2, passed.ToVersion);
        Assert.Contains("[live gate passed: live ROC AUC challenger 0.7950 vs champion 0.8000 on 800 shared outcomes", passed.Reason, StringComparison.Ordinal);
        Assert.Equal(passed.Reason, registry.State().History[^1].Reason);
    }

    [Fact]
    public void Forcing_past_the_live_gate_is_recorded_with_what_failed()
    {
        var registry = TwoContenders(minLiveOutcomes: 500);

        var forced = registry.Promote("ana", "regulator asked", force: true);

        Assert.Equal("promote (forced)", forced.Action);
        Assert.Contains("[live gate overridden: no shared live outcomes; the gate needs 500", forced.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Naming_a_challenger_publishes_it_where_the_site_loads_it()
    {
        var registry = TwoContenders(minLiveOutcomes: 0);

        Assert.Equal(File.ReadAllBytes(registry.State().Versions[1].BundlePath), File.ReadAllBytes(registry.Options.ServedChallengerPath!));
        Assert.Equal(File.ReadAllBytes(registry.State().Versions[0].BundlePath), File.ReadAllBytes(registry.Options.ServedBundlePath));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ModelRegistry TwoContenders(int minLiveOutcomes)
    {
        var registry = ModelRegistry.Open(new RegistryOptions
        {
            Directory = Path.Combine(_directory, "registry"),
            ServedBundlePath = Path.Combine(_directory, "served", "risk-model.zip"),
            ServedChallengerPath = Path.Combine(_directory, "served", "challenger-model.zip"),
            MinLiveOutcomes = minLiveOutcomes,
            MaxLiveAucDrop = 0.01,
        });
        var champion = registry.Register(Bundle("champion-v"), "run-1", "ana");
        var challenger = registry.Register(Bundle("challenger-v"), "run-2", "ana");
        registry.SetAlias(RegistryOptions.ChampionAlias, champion.Version, "ana", "baseline");
        registry.SetAlias(RegistryOptions.ChallengerAlias, challenger.Version, "ana", "retrained");
        return registry;
    }

    private string Bundle(string version)
    {
        var path = Path.Combine(_directory, $"{version}.zip");
        (fixture.Model with { Bundle = fixture.Bundle with { Manifest = fixture.Bundle.Manifest with { Version = version } } }).Write(path);
        return path;
    }

    private static ShadowComparison Evidence(int shared, double champion, double challenger) => new(
        "champion-v", "challenger-v", shared,
        new PairedAuc(shared, shared / 5, champion, challenger, challenger - champion, 0.004, challenger - champion - 0.008, challenger - champion + 0.008, 0.5),
        Agreement: 0.9, ChampionFlagRate: 0.2, ChallengerFlagRate: 0.21);
}
