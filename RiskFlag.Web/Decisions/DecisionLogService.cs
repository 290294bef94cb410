using RiskFlag.Core.Decisions;

namespace RiskFlag.Web.Decisions;

/// <summary>
/// Owns the writer loop. Registered before the server, so at shutdown it stops after Kestrel has finished the
/// requests in flight: it then closes the queue and waits (up to the host's shutdown timeout) until every queued
/// decision is written.
/// </summary>
public sealed partial class DecisionLogService(DecisionLog log, IDecisionLogStore store, ILogger<DecisionLogService> logger, TimeProvider clock)
    : BackgroundService
{
    private static readonly TimeSpan DropWarningInterval = TimeSpan.FromSeconds(10);
    private long _lastDropWarning = long.MinValue;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (log.Writer is not { } writer)
        {
            return;
        }

        await store.EnsureSchemaAsync(cancellationToken);
        writer.RecordDropped += OnDropped;
        writer.BatchFailed += OnBatchFailed;
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (log.Writer is not { } writer)
        {
            return;
        }

        writer.Complete();
        await base.StopAsync(cancellationToken);
        if (writer.Pending > 0)
        {
            LogUnwritten(logger, writer.Pending);
        }

        LogStopped(logger, writer.Written, writer.Dropped, writer.Failed);
    }

    // Not the stopping token: the loop must drain the queue after the stop, not abandon it.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => log.Writer!.RunAsync(CancellationToken.None);

    /// <summary>Runs on the request that was refused: one warning per interval, with the running total, so a flood cannot flood the log.</summary>
    private void OnDropped(long total)
    {
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastDropWarning);
        if ((last == long.MinValue || clock.GetElapsedTime(last, now) >= DropWarningInterval)
            && Interlocked.CompareExchange(ref _lastDropWarning, now, last) == last)
        {
            LogDropped(logger, total);
        }
    }

    private void OnBatchFailed(Exception exception, int count) => LogBatchFailed(logger, exception, count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision log queue full: {Total} decisions dropped since start-up (the predictions were still served)")]
    private static partial void LogDropped(ILogger logger, long total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Decision log could not store a batch of {Count} decisions")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown timed out with {Pending} decisions not yet written")]
    private static partial void LogUnwritten(ILogger logger, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision log stopped: {Written} written, {Dropped} dropped, {Failed} failed")]
    private static partial void LogStopped(ILogger logger, long written, long dropped, long failed);
}
