using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Features;

/// <summary>What a reason needs to be put into words: the applicant as entered and whether the model knew its places.</summary>
public readonly record struct FactorContext(Applicant Applicant, bool CityKnown, bool StateKnown);
