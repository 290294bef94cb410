using RiskFlag.Core.Tracking;
using RiskFlag.Tests.Training;
using RiskFlag.Training;
using RiskFlag.Training.Commands;

namespace RiskFlag.Tests.Tracking;

[Collection(TrainedModelGroup.Name)]
public sealed class TrackingTests(TrainedModelFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("riskflag-tracking-").FullName;

    private readonly Lock _parametersLock = new();

    private string Store => Path.Combine(_directory, "mlruns");

    [Fact]
    public void A_training_run_is_recorded_in_mlflow_file_store_layout()
    {
        Assert.Equal(ExitCodes.Ok, Train(fixture.DataPath));

        var run = Assert.Single(new MlflowFileStore(Store).ListRuns());
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.NotNull(run.EndTime);
        Assert.Matches("^[0-9]{8}-[0-9]{6}-[0-9a-f]{8}$", run.RunName);

        var experiment = File.ReadAllText(Path.Combine(Store, run.ExperimentId, "meta.yaml"));
        Assert.Contains("name: risk-flag", experiment, StringComparison.Ordinal);
        Assert.Contains($"experiment_id: '{run.ExperimentId}'", experiment, StringComparison.Ordinal);
        var meta = File.ReadAllText(Path.Combine(run.Directory, "meta.yaml"));
        Assert.Contains("status: 3", meta, StringComparison.Ordinal);
        Assert.Contains("source_type: 4", meta, StringComparison.Ordinal);
        Assert.Contains("tags: []", meta, StringComparison.Ordinal);

        Assert.InRange(run.Metrics["grouped_roc_auc"], 0.5, 1.0);
        Assert.InRange(run.Metrics["random_roc_auc"], 0.5, 1.0);
        Assert.Equal("default", run.Params["feature_set"]);
        Assert.Equal("3", run.Params["boosting.max_depth"]);
        Assert.Equal(run.RunName, run.Tags["mlflow.runName"]);
        Assert.Equal(run.RunName, run.Tags["riskflag.model_version"]);
        Assert.Equal("LOCAL", run.Tags["mlflow.source.type"]);
        Assert.True(File.Exists(Path.Combine(run.ArtifactsDirectory, "risk-model.zip")));
        Assert.True(File.Exists(Path.Combine(run.ArtifactsDirectory, "plots", "roc.svg")));

        // Every metric line is "<timestamp ms> <value> <step>", the learning curve one step per round.
        var curve = File.ReadAllLines(Path.Combine(run.Directory, "metrics", "grouped_validation_logloss"));
        Assert.True(curve.Length >= 5, $"{curve.Length} rounds recorded");
        Assert.All(curve, line => Assert.Matches(@"^\d{13} [-0-9.E+]+ \d+$", line));
        Assert.Equal(Enumerable.Range(1, curve.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), curve.Select(line => line.Split(' ')[2]));
    }

    [Fact]
    public void A_run_that_fails_is_marked_failed_with_its_reason()
    {
        var bad = Path.Combine(_directory, "bad.csv");
        File.WriteAllLines(bad, [.. File.ReadLines(fixture.DataPath).Take(20), .. Enumerable.Repeat("1,x,30,3,single,rented,no,Chef,Pune,Maharashtra,1,11,0", 5)]);

        Assert.Equal(ExitCodes.BadData, Train(bad));

        var run = Assert.Single(new MlflowFileStore(Store).ListRuns());
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("rejected", run.Tags["riskflag.failure"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_left_running_by_a_dead_process_is_marked_failed_by_the_next_run()
    {
        var store = new MlflowFileStore(Store);
        var tags = RunTags.Current("crashed");
        tags[RunTags.ProcessId] = "2147483000";
        store.StartRun(store.EnsureExperiment(MlflowFileStore.DefaultExperiment), "crashed", tags);

        Assert.Equal(1, AbandonedRuns.MarkFailed(store));

        var run = Assert.Single(store.ListRuns());
        Assert.Equal(RunStatus.Failed, run.Status);
    }

    [Fact]
    public void Reading_a_run_skips_a_value_another_writer_is_still_writing()
    {
        var store = new MlflowFileStore(Store);
        store.StartRun(store.EnsureExperiment(MlflowFileStore.DefaultExperiment), "reader", RunTags.Current("reader"));
        var run = Assert.Single(store.ListRuns());
        var inProgress = Path.Combine(run.Directory, "tags", ".mlflow.note.0123456789abcdef.tmp");
        using var writer = new FileStream(inProgress, FileMode.CreateNew, FileAccess.Write, FileShare.None);

        var tags = Assert.Single(store.ListRuns()).Tags;

        Assert.DoesNotContain(tags.Keys, key => key.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Equal("reader", tags["mlflow.runName"]);
    }

    [Fact]
    public async Task Concurrent_runs_do_not_corrupt_the_store()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => TrainReportingErrors(fixture.DataPath))));

        Assert.All(runs, run => Assert.True(run.Code == ExitCodes.Ok, $"exit {run.Code}: {run.Errors}"));
        var recorded = new MlflowFileStore(Store).ListRuns();
        Assert.Equal(3, recorded.Count);
        Assert.All(recorded, r => Assert.Equal(RunStatus.Finished, r.Status));
        Assert.Equal(3, recorded.Select(r => r.RunId).Distinct().Count());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private int Train(string data) => TrainReportingErrors(data).Code;

    private (int Code, string Errors) TrainReportingErrors(string data)
    {
        // Written once under a lock: concurrent runs must never read a half-written parameters file.
        var parameters = Path.Combine(_directory, "params.json");
        lock (_parametersLock)
        {
            if (!File.Exists(parameters))
            {
                File.WriteAllText(parameters, fixture.Parameters.ToJson());
            }
        }

        var errors = new StringWriter();
        var code = CliApplication.Run(
            ["train", "--data", data, "--params", parameters, "--artifacts", Path.Combine(_directory, "artifacts", Guid.NewGuid().ToString("N")), "--tracking", Store],
            TextWriter.Null,
            errors);
        return (code, errors.ToString());
    }
}
