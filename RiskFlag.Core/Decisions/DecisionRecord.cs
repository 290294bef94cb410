using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Decisions;

/// <summary>One served prediction, as a lender must be able to show it later: what was asked, what was answered, by which model.</summary>
/// <param name="Channel">form, api or batch.</param>
/// <param name="TopFactors">The reasons as shown to the user ("City Bhubaneswar: +0.80; …").</param>
/// <param name="DecisionId">The decision's own id (<see cref="DecisionIds"/>), as the answer gave it; empty for decisions logged before ids.</param>
/// <param name="ApplicantId">The applicant's Id as the request gave it; empty when it had none.</param>
/// <param name="Instance">The site instance that decided (Decisions:Instance, the host name by default); empty for decisions logged before instances were.</param>
public sealed record DecisionRecord(
    DateTimeOffset DecidedAt,
    string Channel,
    string ModelVersion,
    string RequestId,
    Applicant Applicant,
    double Probability,
    double Threshold,
    bool Flag,
    string TopFactors,
    Guid DecisionId = default,
    string ApplicantId = "",
    string Instance = "");
