using System.Diagnostics;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Web.Decisions;
using RiskFlag.Web.Monitoring;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Scoring;

/// <summary>
/// The one way every channel scores: an engine from the pool's serving generation, the core scorer (probability and
/// exact TreeSHAP reasons), the model's drift window, the prediction metrics and the decision log, in one call. The
/// answer is ready only once its decision is committed to the log (group commit): a process killed right after
/// answering has the decision on disk. With a challenger loaded, each decided applicant is also left in the shadow queue,
/// which never waits.
/// </summary>
public sealed class RiskScoringService(RiskEnginePool pool, RiskMetrics metrics, ModelDriftWindows drift, DecisionLog decisions, ShadowBacklog shadow)
{
    public RiskEnginePool Pool { get; } = pool;

    /// <summary>The champion serving now, or null before one has loaded. Read once per request and keep it.</summary>
    public ServedRiskModel? Champion => Pool.GetServedModel(ModelNames.Champion);

    /// <summary>Where the champion is read from (and will be, before the first training run).</summary>
    public string ChampionPath => Pool.Slot(ModelNames.Champion).Path;

    /// <param name="requestId">Identifies the request in the log (the request's trace identifier, with an index for arrays).</param>
    /// <param name="applicantId">The applicant's own Id, when the request gave one; the log keeps it.</param>
    /// <returns>The answer, with the id its decision is logged under (<see cref="RiskAssessment.DecisionId"/>).</returns>
    /// <exception cref="DecisionNotRecordedException">The decision could not be logged, so it must not be answered.</exception>
    public async Task<RiskAssessment> ScoreAsync(ServedRiskModel model, Applicant applicant, ScoringChannel channel, string requestId, string? applicantId = null)
    {
        var commit = decisions.BeginCommit();
        var assessment = Score(model, applicant, channel, requestId, commit, applicantId);
        await commit.WaitAsync();
        return assessment;
    }

    /// <summary>Several applicants in one answer: score each into one group, then wait on it once.</summary>
    public DecisionCommit BeginCommit() => decisions.BeginCommit();

    /// <summary>Scores into <paramref name="commit"/>; the answer waits on the commit, not on this call.</summary>
    public RiskAssessment Score(ServedRiskModel model, Applicant applicant, ScoringChannel channel, string requestId, DecisionCommit commit, string? applicantId = null)
    {
        var started = Stopwatch.GetTimestamp();
        RiskAssessment assessment;
        using (var span = RiskActivitySource.Instance.StartActivity(RiskActivitySource.ScoreSpan))
        {
            assessment = ScoreOne(model, applicant);
            span?.SetTag("riskflag.model.version", model.Version);
            span?.SetTag("riskflag.flag", assessment.Flag);
        }

        metrics.RecordPrediction(channel, assessment, Stopwatch.GetElapsedTime(started));
        bool recorded;
        using (RiskActivitySource.Instance.StartActivity(RiskActivitySource.DecisionSpan))
        {
            recorded = decisions.Record(channel, requestId, applicantId, applicant, assessment, commit);
        }

        // A refused decision is not answered, so there is nothing for the challenger to be compared with.
        if (recorded)
        {
            shadow.Offer(applicant, assessment.DecisionId, requestId, applicantId);
        }

        return assessment;
    }

    /// <summary>
    /// The challenger's decision on an applicant the champion decided, never answered, so without the reasons (their
    /// TreeSHAP explanation is the larger part of scoring's cost, and the comparison needs none). Logged apart, by
    /// <see cref="RecordShadow"/>.
    /// </summary>
    public RiskAssessment ScoreShadow(ServedRiskModel challenger, ShadowRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var assessment = ScoreOne(challenger, request.Applicant, DecisionIds.ShadowOf(request.ChampionDecisionId), topFactors: 0);
        metrics.RecordPrediction(ScoringChannel.Shadow, assessment, Stopwatch.GetElapsedTime(started));
        return assessment;
    }

    public void RecordShadow(ShadowRequest request, RiskAssessment assessment, DecisionCommit commit) =>
        decisions.Record(ScoringChannel.Shadow, request.RequestId, request.ApplicantId, request.Applicant, assessment, commit);

    public void RecordInvalid(ScoringChannel channel, IEnumerable<RowError> errors) => metrics.RecordValidationFailures(channel, errors);

    /// <summary>
    /// A whole file through the same path, rows in parallel. A batch is not a waiting request: its decisions wait for
    /// room in the log's queue instead of being refused. Returns once every scored row is committed to the log.
    /// </summary>
    /// <exception cref="InvalidApplicantFileException">The file as a whole cannot be read.</exception>
    /// <exception cref="DecisionNotRecordedException">Some decision could not be logged; the file must not be handed out.</exception>
    public BatchSummary ScoreFile(ServedRiskModel model, Stream input, Stream output, string batchId, int previewRows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = RiskActivitySource.Instance.StartActivity(RiskActivitySource.BatchSpan);
        span?.SetTag("riskflag.batch.id", batchId);
        span?.SetTag("riskflag.model.version", model.Version);
        var scorer = new BatchScorer(applicant => ScoreOne(model, applicant), model.Version, model.Risk.Threshold, previewRows);
        var commit = decisions.BeginCommit();
        var summary = scorer.Score(input, output, onScored: (row, assessment) =>
        {
            metrics.RecordPrediction(ScoringChannel.Batch, assessment, elapsed: null);
            decisions.RecordBatchRow(batchId, row, assessment, commit, cancellationToken);
            shadow.Offer(row.Applicant!, assessment.DecisionId, DecisionLog.BatchRequestId(batchId, row), row.Id);
        });

        // This runs on a thread of its own (see BatchRunner): waiting here holds no pool thread.
        commit.WaitAsync().GetAwaiter().GetResult();
        metrics.RecordBatch(summary, Stopwatch.GetElapsedTime(started));
        span?.SetTag("riskflag.rows.read", summary.Read);
        span?.SetTag("riskflag.rows.scored", summary.Scored);
        span?.SetTag("riskflag.rows.rejected", summary.Rejected);
        span?.SetTag("riskflag.rows.flagged", summary.Flagged);
        return summary;
    }

    private RiskAssessment ScoreOne(ServedRiskModel model, Applicant applicant, Guid? decisionId = null, int topFactors = RiskScorer.DefaultTopFactors)
    {
        using var lease = model.Rent();
        return decisions.WithDecisionId(new RiskScorer(model.Risk).Score(applicant, lease.Engine, topFactors, drift.For(model)), decisionId);
    }
}
