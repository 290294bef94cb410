using RiskFlag.Core.Domain;

namespace RiskFlag.Training.Synthetic;

/// <summary>One generated row: its 1-based Id, the applicant's features and its Risk_Flag (0 or 1).</summary>
public sealed record SyntheticApplicant(int Id, Applicant Applicant, int RiskFlag);
