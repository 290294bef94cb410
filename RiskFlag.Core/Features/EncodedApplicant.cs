using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Features;

/// <summary>An applicant together with the encoded values of its categories: everything a feature reads.</summary>
public readonly record struct EncodedApplicant(
    Applicant Applicant,
    float CityRisk,
    float StateRisk,
    float ProfessionRisk,
    int ProfessionGroup,
    bool CityKnown,
    bool StateKnown);
