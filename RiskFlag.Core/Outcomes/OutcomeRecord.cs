namespace RiskFlag.Core.Outcomes;

/// <summary>
/// An outcome joined to its decision: what the model answered and what became of the applicant, stored together so that
/// live performance reads one table and never the decision log's millions of rows.
/// </summary>
/// <param name="ObservedAt">When the outcome was known, if the file said.</param>
/// <param name="RecordedAt">When RiskFlag received it.</param>
/// <param name="DecidedAt">When the decision was made: live performance is reported by decision date.</param>
public sealed record OutcomeRecord(
    Guid DecisionId,
    bool Defaulted,
    DateTimeOffset? ObservedAt,
    DateTimeOffset RecordedAt,
    DateTimeOffset DecidedAt,
    string ModelVersion,
    string Channel,
    double Probability,
    double Threshold);
