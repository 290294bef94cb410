using System.Diagnostics;

using RiskFlag.Core.Domain;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Web.Model;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// Scoring as every channel does it, with what ops watch recorded on the way: the applicant joins the model's drift
/// window, and the prediction, its latency and unknown places are counted.
/// </summary>
public sealed class ScoringTelemetry(RiskMetrics metrics, ModelDriftWindows drift)
{
    public RiskAssessment Score(LoadedModel model, Applicant applicant, ScoringChannel channel)
    {
        var started = Stopwatch.GetTimestamp();
        var assessment = model.Scorer.Score(applicant, RiskScorer.DefaultTopFactors, drift.For(model));
        metrics.RecordPrediction(channel, assessment, Stopwatch.GetElapsedTime(started));
        return assessment;
    }

    public void RecordInvalid(ScoringChannel channel, IEnumerable<RowError> errors) => metrics.RecordValidationFailures(channel, errors);

    /// <summary>A batch scorer whose rows feed the model's drift window.</summary>
    public BatchScorer BatchScorer(LoadedModel model, int previewRows) => new(model.Scorer, previewRows, drift.For(model));

    public void RecordBatchRow(RiskAssessment assessment) => metrics.RecordPrediction(ScoringChannel.Batch, assessment, elapsed: null);

    public void RecordBatch(BatchSummary summary, TimeSpan elapsed) => metrics.RecordBatch(summary, elapsed);
}
