using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Scoring;

/// <summary>
/// Scores the shadow backlog with the challenger, through the same scoring path as every channel, on one thread of the
/// pool: at most one core goes to the challenger however busy the site is, and the backlog absorbs bursts. Decisions go
/// to the log in groups of up to Shadow:BatchSize, each under the shadow id of its champion decision
/// (<see cref="DecisionIds.ShadowOf"/>). A failure is logged and counted; it never reaches a request.
/// </summary>
public sealed partial class ShadowScoringService(
    ShadowBacklog backlog, RiskScoringService scoring, IOptions<ShadowOptions> options, ILogger<ShadowScoringService> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        backlog.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ShadowRequest>(options.Value.BatchSize);
        try
        {
            while (await backlog.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < options.Value.BatchSize && backlog.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                await ScoreAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is not scored; the champion's answers were all given.
        }
    }

    private async Task ScoreAsync(List<ShadowRequest> batch)
    {
        if (scoring.Pool.GetServedModel(ModelNames.Challenger) is not { } challenger)
        {
            backlog.CountFailed(batch.Count);
            return;
        }

        try
        {
            var commit = scoring.BeginCommit();
            foreach (var request in batch)
            {
                scoring.ScoreShadow(challenger, request, commit);
            }

            await commit.WaitAsync();
            backlog.CountScored(batch.Count);
        }
        catch (Exception e)
        {
            backlog.CountFailed(batch.Count);
            LogFailed(logger, e, batch.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shadow scoring failed for {Count} applicants (the champion's answers were not affected)")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);
}
