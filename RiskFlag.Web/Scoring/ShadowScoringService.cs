using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Scoring;

/// <summary>
/// Scores the shadow backlog with the challenger, through the same scoring path as every channel, on one thread of its
/// own at the lowest scheduling priority (<see cref="LowestPriorityThread"/>): the challenger gets the CPU the requests
/// leave, at most one core, and when the site is saturated the backlog fills and drops instead of slowing the answers.
/// Decisions go to the log in groups of up to Shadow:BatchSize, each under the shadow id of its champion decision
/// (<see cref="DecisionIds.ShadowOf"/>). A failure is logged and counted; it never reaches a request.
/// </summary>
public sealed partial class ShadowScoringService(
    ShadowBacklog backlog, RiskScoringService scoring, IOptions<ShadowOptions> options, ILogger<ShadowScoringService> logger) : BackgroundService
{
    public const string ThreadName = "shadow-scoring";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        backlog.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LowestPriorityThread.Start(ThreadName, () =>
        {
            try
            {
                Run(stoppingToken);
            }
            finally
            {
                done.TrySetResult();
            }
        });
        return done.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        var batch = new List<ShadowRequest>(options.Value.BatchSize);
        try
        {
            // Blocking waits are right here: this thread is the service's own, not the pool's.
            while (backlog.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < options.Value.BatchSize && backlog.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                Score(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still in the backlog is not scored; the champion's answers were all given.
        }
    }

    private void Score(List<ShadowRequest> batch)
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

            commit.WaitAsync().GetAwaiter().GetResult();
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
