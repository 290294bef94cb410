using System.Threading.Channels;

using Microsoft.Extensions.Options;
using Microsoft.ML;

using RiskFlag.Core.Bundle;

namespace RiskFlag.Web.Serving;

/// <summary>
/// Named ML.NET models, each served from a file, with pooled prediction engines (PredictionEngine is not
/// thread-safe): the shape of Microsoft.Extensions.ML's pool — <c>AddPredictionEnginePool&lt;TInput, TOutput&gt;()
/// .FromFile(name, path, watchForChanges)</c>, <see cref="Predict"/>, <see cref="GetModel"/> — plus what users of
/// that pool ask for in its tracker: which version serves and since when (<see cref="GetServedModel"/>, the reload
/// history and observers), reloading on demand (<see cref="ReloadAsync"/>), and a new file validated and smoke-tested
/// before the swap, with the old model kept on any failure. Loads run one at a time off the request path; requests
/// that pile up while one runs are answered by one new load.
/// </summary>
public sealed partial class PredictionEnginePool<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    public const string StartupTrigger = "start-up";
    public const string WatcherTrigger = "file watcher";
    public const string OperatorTrigger = "reload endpoint";

    private readonly Dictionary<string, ModelSlot<TInput, TOutput>> _slots;
    private readonly IServableModelLoader _loader;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<IModelReloadObserver> _observers;
    private readonly ILogger _logger;
    private readonly ModelOptions _options;
    private readonly Channel<ReloadRequest> _requests = Channel.CreateUnbounded<ReloadRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<ModelFileWatcher> _watchers = [];
    private bool _stopped;

    public PredictionEnginePool(
        IOptions<PredictionEnginePoolOptions<TInput, TOutput>> sources,
        IOptions<ModelOptions> options,
        IServableModelLoader loader,
        IHostEnvironment environment,
        TimeProvider clock,
        IEnumerable<IModelReloadObserver> observers,
        ILogger<PredictionEnginePool<TInput, TOutput>> logger)
    {
        _options = options.Value;
        _loader = loader;
        _clock = clock;
        _observers = [.. observers];
        _logger = logger;
        _slots = sources.Value.Sources.ToDictionary(
            s => s.Name,
            s => new ModelSlot<TInput, TOutput>(
                s.Name,
                ModelPathResolver.Resolve(s.Path, environment.ContentRootPath, Directory.GetCurrentDirectory()),
                s.WatchForChanges,
                new ReloadHistory(_options.HistoryLength)),
            StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> ModelNames => _slots.Keys;

    public bool Contains(string modelName) => _slots.ContainsKey(modelName);

    /// <exception cref="KeyNotFoundException">No model of that name was registered.</exception>
    public ModelSlot<TInput, TOutput> Slot(string modelName) =>
        _slots.TryGetValue(modelName, out var slot) ? slot : throw new KeyNotFoundException($"no model named '{modelName}' is registered ({string.Join(", ", _slots.Keys)})");

    /// <summary>The generation serving now, or null while the model has never loaded.</summary>
    public ServedModel<TInput, TOutput>? GetServedModel(string modelName) => Slot(modelName).Current;

    /// <exception cref="InvalidOperationException">The model has not loaded (yet).</exception>
    public ITransformer GetModel(string modelName) => Require(modelName).Transformer;

    /// <summary>An engine of the serving generation, for the caller alone until disposed.</summary>
    public PooledPredictionEngine<TInput, TOutput> Rent(string modelName) => Require(modelName).Rent();

    public TOutput Predict(string modelName, TInput example)
    {
        using var lease = Rent(modelName);
        return lease.Engine.Predict(example);
    }

    /// <summary>Queues a reload of the model and waits for its outcome.</summary>
    public Task<ReloadEvent> ReloadAsync(string modelName, string trigger)
    {
        var request = new ReloadRequest(Slot(modelName), trigger, new TaskCompletionSource<ReloadEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_requests.Writer.TryWrite(request))
        {
            request.Completion.SetException(new InvalidOperationException("the site is shutting down"));
        }

        return request.Completion.Task;
    }

    /// <summary>Loads every model once and starts watching their files; called before the server listens.</summary>
    internal void Start()
    {
        foreach (var slot in _slots.Values)
        {
            Load(slot, StartupTrigger);
            if (slot.WatchForChanges && StartWatcher(slot) is { } watcher)
            {
                lock (_watchers)
                {
                    if (_stopped)
                    {
                        watcher.Dispose();
                        return;
                    }

                    _watchers.Add(watcher);
                }
            }
        }
    }

    /// <summary>Stops watching and takes no more reloads; safe to call more than once, and while a start is still running.</summary>
    internal void Stop()
    {
        _requests.Writer.TryComplete();
        ModelFileWatcher[] watchers;
        lock (_watchers)
        {
            _stopped = true;
            watchers = [.. _watchers];
            _watchers.Clear();
        }

        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }
    }

    internal async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ReloadRequest>();
        try
        {
            while (await _requests.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_requests.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                foreach (var group in batch.GroupBy(r => r.Slot))
                {
                    // On a thread of its own: loading blocks (the smoke batch waits for its parser task), and a blocked
                    // pool thread keeps that task in its local queue, where a busy site's pool would never steal it.
                    var triggers = string.Join(", ", group.Select(r => r.Trigger).Distinct());
                    var outcome = await Task.Factory.StartNew(() => Load(group.Key, triggers), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    foreach (var request in group)
                    {
                        request.Completion.TrySetResult(outcome);
                    }
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        while (_requests.Reader.TryRead(out var pending))
        {
            pending.Completion.TrySetCanceled(stoppingToken);
        }
    }

    private ServedModel<TInput, TOutput> Require(string modelName) =>
        GetServedModel(modelName) ?? throw new InvalidOperationException($"model '{modelName}' is not loaded; expected at {Slot(modelName).Path}");

    private ReloadEvent Load(ModelSlot<TInput, TOutput> slot, string trigger)
    {
        var path = slot.Path;
        ReloadEvent outcome;
        if (!File.Exists(path))
        {
            outcome = new ReloadEvent(_clock.GetUtcNow(), trigger, ReloadOutcome.Missing, slot.Current?.Version,
                slot.Current is null ? $"no model zip at {path}" : $"no model zip at {path} (still serving {slot.Current.Version})");
            LogMissing(slot.Name, path);
        }
        else
        {
            try
            {
                var started = _clock.GetTimestamp();
                var next = new ServedModel<TInput, TOutput>(slot.Name, path, _loader.Load(path), _clock.GetUtcNow());
                var previous = slot.Swap(next);
                var took = _clock.GetElapsedTime(started);
                var message = previous is null ? $"serving {next.Version}" : $"replaced {previous.Version} with {next.Version}";
                outcome = new ReloadEvent(next.LoadedAt, trigger, ReloadOutcome.Loaded, next.Version, $"{message} (loaded and smoke-tested in {took.TotalMilliseconds:0} ms)");
                LogLoaded(slot.Name, next.Version, path, trigger, took.TotalMilliseconds);
            }
            catch (Exception e) when (e is InvalidModelBundleException or IOException or UnauthorizedAccessException)
            {
                var kept = slot.Current?.Version;
                var message = kept is null ? $"rejected: {e.Message}" : $"rejected: {e.Message} (still serving {kept})";
                outcome = new ReloadEvent(_clock.GetUtcNow(), trigger, ReloadOutcome.Rejected, kept, message);
                LogRejected(e, slot.Name, path, trigger);
            }
        }

        slot.History.Record(outcome);
        foreach (var observer in _observers)
        {
            observer.OnReload(slot.Name, outcome);
        }

        return outcome;
    }

    private ModelFileWatcher? StartWatcher(ModelSlot<TInput, TOutput> slot)
    {
        var directory = System.IO.Path.GetDirectoryName(slot.Path)!;
        try
        {
            // The folder may not exist before the first training run; creating it lets the watcher see that run.
            Directory.CreateDirectory(directory);
            return new ModelFileWatcher(
                slot.Path,
                TimeSpan.FromMilliseconds(_options.DebounceMilliseconds),
                TimeSpan.FromSeconds(_options.PollSeconds),
                () => _ = ReloadAsync(slot.Name, WatcherTrigger));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogWatcherFailed(e, slot.Name, directory);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Name} {Version} loaded from {Path} ({Trigger}) in {Milliseconds:0} ms")]
    private partial void LogLoaded(string name, string version, string path, string trigger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Name} at {Path} rejected ({Trigger}); the previous generation keeps serving")]
    private partial void LogRejected(Exception exception, string name, string path, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Name}: no model zip at {Path}; it cannot score until one is trained")]
    private partial void LogMissing(string name, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Name}: cannot watch {Directory} for new files; use POST /api/model/reload")]
    private partial void LogWatcherFailed(Exception exception, string name, string directory);

    private sealed record ReloadRequest(ModelSlot<TInput, TOutput> Slot, string Trigger, TaskCompletionSource<ReloadEvent> Completion);
}
