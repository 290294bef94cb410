using System.Globalization;
using System.Text.RegularExpressions;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Parsing;

namespace RiskFlag.Core.Outcomes;

/// <summary>Turns one row's cells (from CSV or JSON alike) into an outcome, or says for each field what is wrong.</summary>
public static partial class OutcomeRowParser
{
    private const DateTimeStyles TimeStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    /// <returns>The outcome, or null with every error of the row in <paramref name="errors"/>.</returns>
    public static ReportedOutcome? Parse(int line, string? decisionId, string? riskFlag, string? observedAt, string? applicantId, List<RowError> errors)
    {
        var before = errors.Count;
        Guid? decision = null;
        var applicant = string.IsNullOrWhiteSpace(applicantId) ? null : applicantId.Trim();
        if (!string.IsNullOrWhiteSpace(decisionId))
        {
            if (Guid.TryParse(decisionId.Trim(), out var id) && DecisionIds.IsDecisionId(id))
            {
                decision = id;
            }
            else
            {
                errors.Add(new RowError(line, OutcomeColumns.DecisionId, $"'{InputExcerpt.Of(decisionId.Trim())}' is not a decision id (the UUID an answer gave, e.g. 019a4c2e-7b1d-7c3a-9f00-1234567890ab)"));
            }
        }
        else if (applicant is null)
        {
            errors.Add(new RowError(line, OutcomeColumns.DecisionId, "is missing: give the decision_id the answer gave (or the applicant's Id)"));
        }

        var defaulted = false;
        switch (riskFlag?.Trim())
        {
            case "1":
                defaulted = true;
                break;
            case "0":
                break;
            case null or "":
                errors.Add(new RowError(line, OutcomeColumns.RiskFlag, "is missing: 1 if the applicant defaulted, 0 if not"));
                break;
            default:
                errors.Add(new RowError(line, OutcomeColumns.RiskFlag, $"must be 0 or 1 (1 = defaulted), found '{InputExcerpt.Of(riskFlag.Trim())}'"));
                break;
        }

        DateTimeOffset? observed = null;
        if (!string.IsNullOrWhiteSpace(observedAt))
        {
            // ISO 8601 only: the invariant culture alone would also read 01/02/2026, as 2 January, whatever the file meant.
            if (IsoDate().IsMatch(observedAt) && DateTimeOffset.TryParse(observedAt, CultureInfo.InvariantCulture, TimeStyles, out var at))
            {
                observed = at;
            }
            else
            {
                errors.Add(new RowError(line, OutcomeColumns.ObservedAt, $"'{InputExcerpt.Of(observedAt.Trim())}' is not a date or time (ISO 8601, e.g. 2026-11-30 or 2026-11-30T14:05:00Z)"));
            }
        }

        return errors.Count == before ? new ReportedOutcome(line, decision, applicant, defaulted, observed) : null;
    }

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}(?:$|[T ])")]
    private static partial Regex IsoDate();
}
