namespace RiskFlag.Web.Serving;

/// <summary>
/// Calls back once things have been quiet for the debounce time after the model file was created, changed, renamed
/// into place (an atomic replace is a rename) or deleted. The whole folder is watched because the rename's source is a
/// temp file. File-system events can be lost (network and container mounts, a full event buffer), so the file's size
/// and time are also compared every poll interval, and a difference counts as an event.
/// </summary>
public sealed class ModelFileWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly Timer? _poll;
    private readonly TimeSpan _delay;
    private readonly string _path;
    private readonly string _fileName;
    private (bool Exists, long Length, DateTime Written) _seen;

    public ModelFileWatcher(string modelPath, TimeSpan delay, TimeSpan pollInterval, Action changed)
    {
        _delay = delay;
        _path = modelPath;
        _fileName = Path.GetFileName(modelPath);
        _seen = Stamp();
        _debounce = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(modelPath)!)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        _watcher.Created += OnEvent;
        _watcher.Changed += OnEvent;
        _watcher.Renamed += OnEvent;
        _watcher.Deleted += OnEvent;
        _watcher.Error += (_, _) => Poke();
        _watcher.EnableRaisingEvents = true;
        if (pollInterval > TimeSpan.Zero)
        {
            _poll = new Timer(_ => Poll(), null, pollInterval, pollInterval);
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _poll?.Dispose();
        _debounce.Dispose();
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (string.Equals(e.Name, _fileName, StringComparison.Ordinal) || (e is RenamedEventArgs r && string.Equals(r.OldName, _fileName, StringComparison.Ordinal)))
        {
            Poke();
        }
    }

    private void Poll()
    {
        var stamp = Stamp();
        if (stamp != _seen)
        {
            Poke();
        }
    }

    private void Poke()
    {
        _seen = Stamp();
        _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
    }

    private (bool Exists, long Length, DateTime Written) Stamp()
    {
        var file = new FileInfo(_path);
        return file.Exists ? (true, file.Length, file.LastWriteTimeUtc) : (false, 0, default);
    }
}
