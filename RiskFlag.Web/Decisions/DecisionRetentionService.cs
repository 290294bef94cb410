using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Outcomes;

namespace RiskFlag.Web.Decisions;

/// <summary>
/// Deletes decisions older than Decisions:RetentionDays at start-up and then once a day, and the outcomes of those
/// decisions with them.
/// </summary>
public sealed partial class DecisionRetentionService(
    IDecisionLogStore store, IOutcomeStore outcomes, IOptions<DecisionOptions> options, TimeProvider clock, ILogger<DecisionRetentionService> logger)
    : BackgroundService
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
                var cutoff = clock.GetUtcNow().AddDays(-days);
                var deleted = await store.DeleteOlderThanAsync(cutoff, stoppingToken);
                await outcomes.EnsureSchemaAsync(stoppingToken);
                var outcomesDeleted = await outcomes.DeleteOlderThanAsync(cutoff, stoppingToken);
                if (deleted > 0 || outcomesDeleted > 0)
                {
                    LogDeleted(logger, deleted, outcomesDeleted, days);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} decisions and {Outcomes} outcomes of decisions older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int outcomes, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: could not delete old decisions")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
