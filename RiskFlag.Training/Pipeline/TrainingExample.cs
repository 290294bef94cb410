using RiskFlag.Core.Domain;
using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>
/// A distinct (applicant, label) pair and how many rows carried it. The real data repeats the same
/// applicant many times; boosting on one weighted row per applicant is exact and far faster.
/// </summary>
/// <param name="Group">Stable hash of the applicant's normalised features: copies share it, so no split can separate them.</param>
public sealed record TrainingExample(Applicant Applicant, ApplicantKeys Keys, int Label, int Copies, ulong Group);
