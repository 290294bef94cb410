using System.Globalization;

using RiskFlag.Core.IO;

namespace RiskFlag.Core.Tracking;

/// <summary>
/// A run being recorded. Ends as finished only through <see cref="Finish"/>; disposing it otherwise marks
/// it failed, so a run that throws is never left "running".
/// </summary>
public sealed class TrackedRun : IDisposable
{
    private readonly MlflowFileStore _store;
    private readonly long _startTime;
    private readonly Lock _metricsGate = new();
    private bool _ended;

    internal TrackedRun(MlflowFileStore store, string experimentId, string runId, string runName, long startTime)
    {
        _store = store;
        ExperimentId = experimentId;
        RunId = runId;
        RunName = runName;
        _startTime = startTime;
        Directory = Path.Combine(store.Root, experimentId, runId);
    }

    public string ExperimentId { get; }

    public string RunId { get; }

    public string RunName { get; private set; }

    public string Directory { get; }

    public string ArtifactsDirectory => Path.Combine(Directory, "artifacts");

    public void SetTag(string key, string value) => AtomicFile.WriteAllText(Path.Combine(Directory, "tags", key), value);

    public void LogParam(string key, string value) => AtomicFile.WriteAllText(Path.Combine(Directory, "params", key), value);

    /// <summary>Appends one value; a metric file holds its history as "timestamp value step" lines.</summary>
    public void LogMetric(string key, double value, int step = 0)
    {
        var path = Path.Combine(Directory, "metrics", key);
        lock (_metricsGate)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"{_store.Now()} {value:R} {step}\n"));
        }
    }

    public void LogArtifact(string sourcePath, string relativePath) =>
        AtomicFile.Write(Path.Combine(ArtifactsDirectory, relativePath), target =>
        {
            using var source = File.OpenRead(sourcePath);
            source.CopyTo(target);
        });

    public void LogArtifactText(string relativePath, string text) => AtomicFile.WriteAllText(Path.Combine(ArtifactsDirectory, relativePath), text);

    public void Rename(string runName)
    {
        RunName = runName;
        SetTag("mlflow.runName", runName);
        WriteMeta(RunStatus.Running, endTime: null);
    }

    public void Finish() => End(RunStatus.Finished);

    public void Fail(string reason)
    {
        SetTag("riskflag.failure", reason);
        End(RunStatus.Failed);
    }

    public void Dispose()
    {
        if (!_ended)
        {
            End(RunStatus.Failed);
        }
    }

    internal void WriteMeta(RunStatus status, long? endTime) =>
        AtomicFile.WriteAllText(Path.Combine(Directory, "meta.yaml"), Yaml.Write(
        [
            ("artifact_uri", new Uri(ArtifactsDirectory).AbsoluteUri),
            ("end_time", endTime),
            ("entry_point_name", string.Empty),
            ("experiment_id", ExperimentId),
            ("lifecycle_stage", "active"),
            ("run_id", RunId),
            ("run_name", RunName),
            ("source_name", string.Empty),
            ("source_type", 4),
            ("source_version", string.Empty),
            ("start_time", _startTime),
            ("status", (int)status),
            ("tags", new Yaml.YamlLiteral("[]")),
            ("user_id", Environment.UserName),
        ]));

    private void End(RunStatus status)
    {
        _ended = true;
        WriteMeta(status, _store.Now());
    }
}
