using System.Globalization;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Web.Monitoring;

namespace RiskFlag.Web.Decisions;

/// <summary>
/// What the scoring service calls after every decision. It only enqueues (never touches the database on the request
/// path) into the commit group the answer waits on; <see cref="DecisionLogService"/> writes the queue. Disabled, it
/// does nothing and nothing waits.
/// </summary>
/// <param name="instance">What this instance's decisions are marked with (Decisions:Instance).</param>
public sealed class DecisionLog(DecisionLogWriter? writer, TimeProvider clock, string instance)
{
    public bool Enabled => writer is not null;

    /// <summary>Null when logging is disabled.</summary>
    public DecisionLogWriter? Writer => writer;

    /// <summary>The group one answer waits on; with logging off, one that is already complete.</summary>
    public DecisionCommit BeginCommit() => writer is null ? DecisionCommit.None : new DecisionCommit();

    /// <summary>
    /// The id this answer's decision will be kept under, made now so the answer can carry it; null with logging off,
    /// when no decision is kept. The decision's time is the id's.
    /// </summary>
    /// <param name="decisionId">The id to use (a shadow decision's); a new one when null.</param>
    public RiskAssessment WithDecisionId(RiskAssessment assessment, Guid? decisionId = null) =>
        writer is null ? assessment : assessment with { DecisionId = decisionId ?? DecisionIds.New(clock.GetUtcNow()) };

    /// <summary>A full queue refuses the decision: <paramref name="commit"/> then fails, and so does its answer.</summary>
    /// <returns>False when the decision was refused (with logging off, true: nothing is refused).</returns>
    public bool Record(ScoringChannel channel, string requestId, string? applicantId, Applicant applicant, RiskAssessment assessment, DecisionCommit commit) =>
        writer?.TryEnqueue(ToRecord(channel, requestId, applicantId, applicant, assessment), commit) ?? true;

    /// <summary>A batch is not a waiting request: it waits for room in the queue rather than refusing rows.</summary>
    public void RecordBatchRow(string batchId, ParsedApplicant row, RiskAssessment assessment, DecisionCommit commit, CancellationToken cancellationToken) =>
        writer?.EnqueueOrWait(
            ToRecord(ScoringChannel.Batch, BatchRequestId(batchId, row), row.Id, row.Applicant!, assessment),
            commit,
            cancellationToken);

    /// <summary>What a batch row's decision is logged under as its request: the batch and the row's line.</summary>
    public static string BatchRequestId(string batchId, ParsedApplicant row) => string.Create(CultureInfo.InvariantCulture, $"{batchId}/{row.Line}");

    /// <summary>The reasons as the batch CSV and the form show them.</summary>
    public static string FactorsText(RiskAssessment assessment) => string.Join("; ", assessment.TopFactors);

    private DecisionRecord ToRecord(ScoringChannel channel, string requestId, string? applicantId, Applicant applicant, RiskAssessment assessment)
    {
        var id = assessment.DecisionId ?? DecisionIds.New(clock.GetUtcNow());
        return new DecisionRecord(
            DecisionIds.TimeOf(id), channel.TagValue(), assessment.ModelVersion, requestId, applicant,
            assessment.Probability, assessment.Threshold, assessment.Flag, FactorsText(assessment), id, applicantId ?? string.Empty, instance);
    }
}
