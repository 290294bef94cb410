using RiskFlag.Core.Domain;

namespace RiskFlag.Training.Synthetic;

/// <summary>A distinct applicant, its label and how many rows repeat it.</summary>
internal sealed record PooledApplicant(Applicant Applicant, int RiskFlag, int Copies);
