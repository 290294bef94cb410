using System.Globalization;

using RiskFlag.Core.Decisions;

namespace RiskFlag.Core.Outcomes;

/// <summary>
/// Joins reported outcomes to the decision log and records them. Rows are taken in chunks, so a file of any length is
/// matched with a bounded number of lookups in memory; what each row came to is counted and every rejected row is
/// listed with its line. Posting a file again records nothing new: every row is then a duplicate. A decision the
/// challenger made in shadow on the same applicant gets the same outcome, so champion and challenger are compared on the
/// same loans.
/// </summary>
public sealed class OutcomeIngestion(IDecisionLogStore decisions, IOutcomeStore outcomes, TimeProvider clock)
{
    public const int ChunkRows = 5_000;

    /// <summary>An outcome may be dated a little ahead of this site's clock (another system's clock), not more.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromDays(1);

    public async Task<OutcomeReport> IngestAsync(IEnumerable<OutcomeRow> rows, CancellationToken cancellationToken = default)
    {
        var tally = new Tally();
        var chunk = new List<ReportedOutcome>(ChunkRows);
        var byApplicant = new List<ReportedOutcome>();
        foreach (var row in rows)
        {
            tally.Read++;
            if (row.Outcome is not { } outcome)
            {
                tally.Reject(row.Errors.Select(e => new OutcomeRejection(e.Line, OutcomeRejection.BadKind, e.Field, e.Reason)));
                continue;
            }

            if (outcome.DecisionId is null)
            {
                byApplicant.Add(outcome);
                continue;
            }

            chunk.Add(outcome);
            if (chunk.Count == ChunkRows)
            {
                await RecordChunkAsync(chunk, tally, cancellationToken);
                chunk.Clear();
            }
        }

        await RecordChunkAsync(chunk, tally, cancellationToken);
        foreach (var part in byApplicant.Chunk(ChunkRows * 20))
        {
            await RecordByApplicantAsync(part, tally, cancellationToken);
        }

        return tally.Report();
    }

    private async Task RecordByApplicantAsync(IReadOnlyList<ReportedOutcome> part, Tally tally, CancellationToken cancellationToken)
    {
        var found = await decisions.FindByApplicantAsync([.. part.Select(o => o.ApplicantId!).Distinct(StringComparer.Ordinal)], cancellationToken);
        var resolved = new List<ReportedOutcome>();
        foreach (var outcome in part)
        {
            var matches = found.GetValueOrDefault(outcome.ApplicantId!) ?? [];
            switch (matches.Count)
            {
                case 0:
                    tally.Unknown(outcome.Line, OutcomeColumns.ApplicantId, $"no decision in the log is about applicant Id '{Parsing.InputExcerpt.Of(outcome.ApplicantId!)}'");
                    break;
                case 1:
                    resolved.Add(outcome with { DecisionId = matches[0].DecisionId });
                    break;
                default:
                    tally.Unknown(outcome.Line, OutcomeColumns.ApplicantId,
                        $"applicant Id '{Parsing.InputExcerpt.Of(outcome.ApplicantId!)}' is in more than one decision: give the decision_id");
                    break;
            }
        }

        foreach (var chunk in resolved.Chunk(ChunkRows))
        {
            await RecordChunkAsync(chunk, tally, cancellationToken);
        }
    }

    private async Task RecordChunkAsync(IReadOnlyList<ReportedOutcome> chunk, Tally tally, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        // Each decision's shadow twin (the challenger's decision on the same applicant) is looked up with it.
        var ids = chunk.Select(o => o.DecisionId!.Value).ToList();
        var found = await decisions.FindAsync([.. ids, .. ids.Select(DecisionIds.ShadowOf)], cancellationToken);
        var now = clock.GetUtcNow();
        var matched = new List<(ReportedOutcome Reported, OutcomeRecord Record)>(chunk.Count);
        var twins = new Dictionary<int, OutcomeRecord>();
        foreach (var outcome in chunk)
        {
            if (!found.TryGetValue(outcome.DecisionId!.Value, out var decision))
            {
                tally.Unknown(outcome.Line, OutcomeColumns.DecisionId,
                    $"no decision {outcome.DecisionId} in the log (not logged, not yet written, or removed by retention)");
                continue;
            }

            // A date alone is read as its midnight: an outcome is early only if it is before the decision's day.
            var dayOfDecision = new DateTimeOffset(decision.DecidedAt.UtcDateTime.Date, TimeSpan.Zero);
            if (outcome.ObservedAt is { } observed && (observed < dayOfDecision || observed > now + ClockTolerance))
            {
                tally.Bad(outcome.Line, OutcomeColumns.ObservedAt, observed < dayOfDecision
                    ? $"is before the day the decision was made ({Format(decision.DecidedAt)})"
                    : $"is in the future ({Format(observed)}; now {Format(now)})");
                continue;
            }

            if (found.TryGetValue(DecisionIds.ShadowOf(decision.DecisionId), out var twin))
            {
                twins[matched.Count] = Joined(outcome, twin, now);
            }

            matched.Add((outcome, Joined(outcome, decision, now)));
        }

        var recorded = await outcomes.RecordAsync([.. matched.Select(m => m.Record)], cancellationToken);

        // A twin's outcome follows its decision's and is not counted as a row; a conflicting row changes neither.
        var followed = twins.Where(t => recorded[t.Key] is not { } existing || existing == matched[t.Key].Reported.Defaulted).Select(t => t.Value).ToList();
        if (followed.Count > 0)
        {
            await outcomes.RecordAsync(followed, cancellationToken);
        }

        for (var i = 0; i < matched.Count; i++)
        {
            var (reported, _) = matched[i];
            if (recorded[i] is not { } existing)
            {
                tally.Matched++;
            }
            else if (existing == reported.Defaulted)
            {
                tally.Duplicate++;
            }
            else
            {
                tally.Conflict(reported.Line, $"is {(reported.Defaulted ? 1 : 0)} but {(existing ? 1 : 0)} is recorded for decision {reported.DecisionId}; the recorded outcome stays");
            }
        }
    }

    private static OutcomeRecord Joined(ReportedOutcome outcome, DecisionRecord decision, DateTimeOffset now) => new(
        decision.DecisionId, outcome.Defaulted, outcome.ObservedAt, now, decision.DecidedAt, decision.ModelVersion, decision.Channel,
        decision.Probability, decision.Threshold);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private sealed class Tally
    {
        private readonly List<OutcomeRejection> _rejected = [];
        private int _unknown;
        private int _conflict;
        private int _bad;

        public int Read { get; set; }

        public int Matched { get; set; }

        public int Duplicate { get; set; }

        public void Reject(IEnumerable<OutcomeRejection> errors)
        {
            _bad++;
            _rejected.AddRange(errors);
        }

        public void Bad(int line, string field, string reason) => Reject([new OutcomeRejection(line, OutcomeRejection.BadKind, field, reason)]);

        public void Unknown(int line, string field, string reason)
        {
            _unknown++;
            _rejected.Add(new OutcomeRejection(line, OutcomeRejection.UnknownKind, field, reason));
        }

        public void Conflict(int line, string reason)
        {
            _conflict++;
            _rejected.Add(new OutcomeRejection(line, OutcomeRejection.ConflictKind, OutcomeColumns.RiskFlag, reason));
        }

        public OutcomeReport Report() =>
            new(Read, Matched, Duplicate, _unknown, _conflict, _bad, [.. _rejected.OrderBy(r => r.Line)]);
    }
}
