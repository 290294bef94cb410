using System.Globalization;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Web.Monitoring;

namespace RiskFlag.Web.Decisions;

/// <summary>
/// What the scoring service calls after every decision. It only enqueues (never touches the database on the request
/// path); <see cref="DecisionLogService"/> writes the queue. Disabled, it does nothing.
/// </summary>
public sealed class DecisionLog(DecisionLogWriter? writer, TimeProvider clock)
{
    public bool Enabled => writer is not null;

    /// <summary>Null when logging is disabled.</summary>
    public DecisionLogWriter? Writer => writer;

    /// <returns>False when the decision was dropped because the queue was full (it is counted and logged).</returns>
    public bool Record(ScoringChannel channel, string requestId, Applicant applicant, RiskAssessment assessment)
    {
        if (writer is null)
        {
            return true;
        }

        return writer.TryEnqueue(new DecisionRecord(
            clock.GetUtcNow(), channel.TagValue(), assessment.ModelVersion, requestId, applicant,
            assessment.Probability, assessment.Threshold, assessment.Flag, FactorsText(assessment)));
    }

    /// <summary>A batch is not a waiting request: it waits for room in the queue rather than dropping rows.</summary>
    public void RecordBatchRow(string batchId, ParsedApplicant row, RiskAssessment assessment, CancellationToken cancellationToken) =>
        writer?.EnqueueOrWait(
            new DecisionRecord(
                clock.GetUtcNow(), ScoringChannel.Batch.TagValue(), assessment.ModelVersion, string.Create(CultureInfo.InvariantCulture, $"{batchId}/{row.Line}"), row.Applicant!,
                assessment.Probability, assessment.Threshold, assessment.Flag, FactorsText(assessment)),
            cancellationToken);

    /// <summary>The reasons as the batch CSV and the form show them.</summary>
    public static string FactorsText(RiskAssessment assessment) => string.Join("; ", assessment.TopFactors);
}
