using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;

namespace RiskFlag.Web.Decisions;

/// <summary>Deletes decisions older than Decisions:RetentionDays at start-up and then once a day.</summary>
public sealed partial class DecisionRetentionService(
    IDecisionLogStore store, IOptions<DecisionOptions> options, TimeProvider clock, ILogger<DecisionRetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = options.Value.RetentionDays;
        if (days <= 0)
        {
            return;
        }

        do
        {
            try
            {
                // Idempotent; with logging disabled nothing else creates the table.
                await store.EnsureSchemaAsync(stoppingToken);
                var deleted = await store.DeleteOlderThanAsync(clock.GetUtcNow().AddDays(-days), stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted, days);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await Wait(stoppingToken));
    }

    private async Task<bool> Wait(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Interval, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} decisions older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: could not delete old decisions")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
