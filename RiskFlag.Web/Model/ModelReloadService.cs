using System.Threading.Channels;

using Microsoft.Extensions.Options;

using RiskFlag.Core.Bundle;
using RiskFlag.Web.Monitoring;

namespace RiskFlag.Web.Model;

/// <summary>
/// Loads the bundle at start-up and again whenever the file changes or an operator asks, always off the request
/// path: the new model is read and smoke-tested here, then swapped in; a bad one is recorded and the old one stays.
/// </summary>
public sealed partial class ModelReloadService(
    ModelHost host,
    ModelLoader loader,
    IOptions<ModelOptions> options,
    TimeProvider clock,
    RiskMetrics metrics,
    ILogger<ModelReloadService> logger) : BackgroundService
{
    public const string StartupTrigger = "start-up";
    public const string WatcherTrigger = "file watcher";
    public const string OperatorTrigger = "reload endpoint";

    private readonly Channel<ReloadRequest> _requests = Channel.CreateUnbounded<ReloadRequest>(new UnboundedChannelOptions { SingleReader = true });
    private ModelFileWatcher? _watcher;

    /// <summary>Queues a reload and waits for its outcome.</summary>
    public Task<ReloadEvent> ReloadAsync(string trigger)
    {
        var request = new ReloadRequest(trigger, new TaskCompletionSource<ReloadEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_requests.Writer.TryWrite(request))
        {
            request.Completion.SetException(new InvalidOperationException("the site is shutting down"));
        }

        return request.Completion.Task;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Loaded before the server listens, so the site is ready from its first request when a model exists.
        Reload(StartupTrigger);
        _watcher = StartWatcher();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _requests.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ReloadRequest>();
        try
        {
            while (await _requests.Reader.WaitToReadAsync(stoppingToken))
            {
                // Requests that piled up while a load ran are answered by one new load.
                while (_requests.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                // On a thread of its own: loading blocks (the smoke batch waits for its parser task), and a blocked
                // pool thread keeps that task in its local queue, where a busy site's pool would never steal it.
                var triggers = string.Join(", ", batch.Select(r => r.Trigger).Distinct());
                var outcome = await Task.Factory.StartNew(() => Reload(triggers), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                foreach (var request in batch)
                {
                    request.Completion.TrySetResult(outcome);
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

    private ReloadEvent Reload(string trigger)
    {
        var path = host.ModelPath;
        ReloadEvent outcome;
        if (!File.Exists(path))
        {
            outcome = new ReloadEvent(clock.GetUtcNow(), trigger, ReloadOutcome.Missing, host.Current?.Version, $"no model bundle at {path}");
            LogMissing(path);
        }
        else
        {
            try
            {
                var next = loader.Load(path);
                var previous = host.Swap(next);
                var message = previous is null ? $"serving {next.Version}" : $"replaced {previous.Version} with {next.Version}";
                outcome = new ReloadEvent(next.LoadedAt, trigger, ReloadOutcome.Loaded, next.Version, message);
                LogLoaded(next.Version, path, trigger);
            }
            catch (Exception e) when (e is InvalidModelBundleException or IOException or UnauthorizedAccessException)
            {
                var kept = host.Current?.Version;
                var message = kept is null ? $"rejected: {e.Message}" : $"rejected: {e.Message} (still serving {kept})";
                outcome = new ReloadEvent(clock.GetUtcNow(), trigger, ReloadOutcome.Rejected, kept, message);
                LogRejected(e, path, trigger);
            }
        }

        host.History.Record(outcome);
        metrics.RecordReload(outcome.Outcome);
        return outcome;
    }

    private ModelFileWatcher? StartWatcher()
    {
        var directory = Path.GetDirectoryName(host.ModelPath)!;
        try
        {
            // The folder may not exist before the first training run; creating it lets the watcher see that run.
            Directory.CreateDirectory(directory);
            return new ModelFileWatcher(host.ModelPath, TimeSpan.FromMilliseconds(options.Value.DebounceMilliseconds), () => _ = ReloadAsync(WatcherTrigger));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogWatcherFailed(e, directory);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Version} loaded from {Path} ({Trigger})")]
    private partial void LogLoaded(string version, string path, string trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model bundle {Path} rejected ({Trigger}); the previous model keeps serving")]
    private partial void LogRejected(Exception exception, string path, string trigger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No model bundle at {Path}: the site runs but cannot score until one is trained")]
    private partial void LogMissing(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Directory} for new models; use POST /api/model/reload")]
    private partial void LogWatcherFailed(Exception exception, string directory);

    private sealed record ReloadRequest(string Trigger, TaskCompletionSource<ReloadEvent> Completion);
}
