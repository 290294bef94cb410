using System.Collections.Concurrent;

using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Scoring;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Scoring;

/// <summary>
/// Scores the shadow backlog with the challenger, through the same scoring path as every channel, on one thread of its
/// own at the lowest scheduling priority (<see cref="LowestPriorityThread"/>): the challenger gets the CPU the requests
/// leave, at most one core, and when the site is saturated the backlog fills and drops instead of slowing the answers.
/// A second thread, at normal priority, logs what it scored, in groups of up to Shadow:BatchSize, each decision under
/// the shadow id of its champion decision (<see cref="DecisionIds.ShadowOf"/>). The idle thread only scores and hands
/// over through a blocking collection: whatever it made queue work for the thread pool could have the pool start new
/// workers from it, and Linux gives a new thread its creator's scheduling class. A failure is logged and counted; it
/// never reaches a request.
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
        var scored = new BlockingCollection<List<(ShadowRequest Request, RiskAssessment Assessment)>>(boundedCapacity: 4);
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Started from here (a pool thread at normal priority), so it has the normal class.
        new Thread(() =>
        {
            try
            {
                Log(scored);
            }
            finally
            {
                scored.Dispose();
                logged.TrySetResult();
            }
        })
        { IsBackground = true, Name = "shadow-logging" }.Start();
        LowestPriorityThread.Start(ThreadName, () =>
        {
            try
            {
                Score(scored, stoppingToken);
            }
            finally
            {
                scored.CompleteAdding();
            }
        });
        return logged.Task;
    }

    private void Score(BlockingCollection<List<(ShadowRequest, RiskAssessment)>> scored, CancellationToken stoppingToken)
    {
        try
        {
            // Blocking waits are right here: this thread is the service's own, not the pool's.
            while (backlog.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                var batch = new List<ShadowRequest>(options.Value.BatchSize);
                while (batch.Count < options.Value.BatchSize && backlog.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                if (scoring.Pool.GetServedModel(ModelNames.Challenger) is not { } challenger)
                {
                    backlog.CountFailed(batch.Count);
                    continue;
                }

                try
                {
                    scored.Add([.. batch.Select(request => (request, scoring.ScoreShadow(challenger, request)))], stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    backlog.CountFailed(batch.Count);
                    LogFailed(logger, e, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still in the backlog is not scored; the champion's answers were all given.
        }
    }

    private void Log(BlockingCollection<List<(ShadowRequest Request, RiskAssessment Assessment)>> scored)
    {
        foreach (var batch in scored.GetConsumingEnumerable())
        {
            try
            {
                var commit = scoring.BeginCommit();
                foreach (var (request, assessment) in batch)
                {
                    scoring.RecordShadow(request, assessment, commit);
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
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shadow scoring failed for {Count} applicants (the champion's answers were not affected)")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);
}
