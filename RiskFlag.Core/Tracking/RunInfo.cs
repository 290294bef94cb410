using System.Globalization;

using RiskFlag.Core.IO;

namespace RiskFlag.Core.Tracking;

/// <summary>One recorded run, read back from the store.</summary>
public sealed record RunInfo(string RunId, string ExperimentId, string RunName, RunStatus Status, long StartTime, long? EndTime, string Directory)
{
    public string ArtifactsDirectory => Path.Combine(Directory, "artifacts");

    public IReadOnlyDictionary<string, double> Metrics => ReadFolder("metrics", text =>
        double.Parse(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ')[1], CultureInfo.InvariantCulture));

    public IReadOnlyDictionary<string, string> Params => ReadFolder("params", text => text);

    public IReadOnlyDictionary<string, string> Tags => ReadFolder("tags", text => text);

    internal static RunInfo From(string directory, IReadOnlyDictionary<string, string> meta) => new(
        meta["run_id"],
        meta["experiment_id"],
        meta.GetValueOrDefault("run_name", string.Empty),
        (RunStatus)int.Parse(meta["status"], CultureInfo.InvariantCulture),
        long.Parse(meta["start_time"], CultureInfo.InvariantCulture),
        meta.GetValueOrDefault("end_time") is { } end && end != "null" ? long.Parse(end, CultureInfo.InvariantCulture) : null,
        directory);

    private Dictionary<string, T> ReadFolder<T>(string folder, Func<string, T> parse)
    {
        var path = Path.Combine(Directory, folder);
        return System.IO.Directory.Exists(path)
            ? System.IO.Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => !AtomicFile.IsTemporary(f))
                .ToDictionary(f => Path.GetRelativePath(path, f).Replace('\\', '/'), f => parse(File.ReadAllText(f)), StringComparer.Ordinal)
            : [];
    }
}
