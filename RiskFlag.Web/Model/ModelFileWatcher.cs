namespace RiskFlag.Web.Model;

/// <summary>
/// Calls back once things have been quiet for the debounce time after the bundle was created, changed or renamed
/// into place (an atomic replace is a rename). The whole folder is watched because the rename's source is a temp file.
/// </summary>
public sealed class ModelFileWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly TimeSpan _delay;
    private readonly string _fileName;

    public ModelFileWatcher(string modelPath, TimeSpan delay, Action changed)
    {
        _delay = delay;
        _fileName = Path.GetFileName(modelPath);
        _debounce = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(modelPath)!)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        _watcher.Created += OnEvent;
        _watcher.Changed += OnEvent;
        _watcher.Renamed += OnEvent;
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (string.Equals(e.Name, _fileName, StringComparison.Ordinal))
        {
            _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }
}
