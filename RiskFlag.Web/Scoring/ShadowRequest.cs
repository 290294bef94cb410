using RiskFlag.Core.Domain;

namespace RiskFlag.Web.Scoring;

/// <summary>An applicant the champion decided, waiting to be scored by the challenger under the shadow decision id.</summary>
public readonly record struct ShadowRequest(Applicant Applicant, Guid ChampionDecisionId, string RequestId, string? ApplicantId);
