using System.Collections.Concurrent;
using System.Security.Cryptography;

using Microsoft.Extensions.Options;

namespace RiskFlag.Web.Batch;

/// <summary>
/// Scored files kept on disk for a while under an unguessable id. Kept rather than re-scored on download because
/// the browser cannot resend the upload, and because a model swap in between would make the download disagree
/// with the summary the analyst just read.
/// </summary>
public sealed class BatchResultStore : IDisposable
{
    private readonly ConcurrentDictionary<string, StoredResult> _results = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private readonly ITimer _sweeper;

    public BatchResultStore(IOptions<BatchOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _lifetime = TimeSpan.FromMinutes(options.Value.ResultLifetimeMinutes);
        Directory = options.Value.WorkDirectory is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetTempPath(), "riskflag-web", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(Directory);
        var period = TimeSpan.FromMinutes(Math.Max(1, options.Value.ResultLifetimeMinutes / 4.0));
        _sweeper = clock.CreateTimer(_ => Sweep(), null, period, period);
    }

    public string Directory { get; }

    /// <summary>A new empty file in the work folder; the caller owns it until it is <see cref="Keep"/>-ed or deleted.</summary>
    public string NewFilePath(string extension) => Path.Combine(Directory, $"{Guid.NewGuid():N}{extension}");

    /// <summary>Takes ownership of a scored file and returns the id that downloads it.</summary>
    public string Keep(string path, string downloadName)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _results[id] = new StoredResult(path, downloadName, _clock.GetUtcNow() + _lifetime);
        return id;
    }

    public bool TryGet(string id, out StoredResult result)
    {
        if (_results.TryGetValue(id, out result!) && result.ExpiresAt > _clock.GetUtcNow() && File.Exists(result.Path))
        {
            return true;
        }

        result = null!;
        return false;
    }

    public void Sweep()
    {
        var now = _clock.GetUtcNow();
        foreach (var (id, result) in _results)
        {
            if (result.ExpiresAt <= now && _results.TryRemove(id, out _))
            {
                TryDelete(result.Path);
            }
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still being downloaded; the next sweep or the process exit clears the folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var result in _results.Values)
        {
            TryDelete(result.Path);
        }

        _results.Clear();
    }
}

public sealed record StoredResult(string Path, string DownloadName, DateTimeOffset ExpiresAt);
