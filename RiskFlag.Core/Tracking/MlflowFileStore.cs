using RiskFlag.Core.IO;

namespace RiskFlag.Core.Tracking;

/// <summary>
/// Writes experiments and runs in MLflow's file-store layout (mlruns/&lt;experiment&gt;/&lt;run&gt;/meta.yaml,
/// metrics/, params/, tags/, artifacts/), so MLflow's own UI can browse them: `mlflow ui --backend-store-uri mlruns`.
/// Every file is written atomically and each run owns its own folder, so concurrent runs cannot corrupt the store.
/// </summary>
public sealed class MlflowFileStore(string root, TimeProvider? clock = null)
{
    public const string DefaultExperiment = "risk-flag";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>A stable id per experiment name, so every machine and run agrees without a lock.</summary>
    public static string ExperimentIdOf(string name) => (StableHash.Of(name) % 900_000_000_000_000_000UL + 100_000_000_000_000_000UL).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string EnsureExperiment(string name)
    {
        var id = ExperimentIdOf(name);
        var directory = Path.Combine(Root, id);
        var meta = Path.Combine(directory, "meta.yaml");
        if (!File.Exists(meta))
        {
            var now = Now();
            AtomicFile.WriteAllText(meta, Yaml.Write(
            [
                ("artifact_location", new Uri(directory).AbsoluteUri),
                ("creation_time", now),
                ("experiment_id", id),
                ("last_update_time", now),
                ("lifecycle_stage", "active"),
                ("name", name),
            ]));
        }

        return id;
    }

    public TrackedRun StartRun(string experimentId, string runName, IReadOnlyDictionary<string, string> tags)
    {
        var runId = Guid.NewGuid().ToString("N");
        var run = new TrackedRun(this, experimentId, runId, runName, Now());
        run.WriteMeta(RunStatus.Running, endTime: null);
        foreach (var (key, value) in tags)
        {
            run.SetTag(key, value);
        }

        return run;
    }

    /// <summary>All runs of all experiments, newest first.</summary>
    public IReadOnlyList<RunInfo> ListRuns()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Root, "meta.yaml", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2 })
            .Select(path => (Path: path, Meta: Yaml.Read(File.ReadAllText(path))))
            .Where(m => m.Meta.ContainsKey("run_id"))
            .Select(m => RunInfo.From(Path.GetDirectoryName(m.Path)!, m.Meta))
            .OrderByDescending(r => r.StartTime)];
    }

    /// <summary>A handle on an existing run, to change its status.</summary>
    public TrackedRun Reopen(RunInfo run) => new(this, run.ExperimentId, run.RunId, run.RunName, run.StartTime);

    public RunInfo? FindRun(string runId) => ListRuns().FirstOrDefault(r => r.RunId == runId);

    internal long Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds();
}
