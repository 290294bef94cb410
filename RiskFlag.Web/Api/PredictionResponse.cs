using System.Text.Json.Serialization;

using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Web.Api;

/// <summary>The answer for one applicant of POST /api/predict.</summary>
/// <param name="Id">The request's id, echoed when it had one.</param>
/// <param name="RiskFlag">1 when the probability is at or above the threshold.</param>
/// <param name="Label">"High Risk" or "Low Risk", as the form says it.</param>
/// <param name="TopFactors">The features that moved this applicant's log-odds most (exact SHAP values, as on the form and in batch).</param>
/// <param name="LogOdds">The model's log-odds of default for this applicant: <see cref="BaseLogOdds"/> plus every feature's contribution.</param>
/// <param name="BaseLogOdds">The log-odds every explanation starts from (the average training applicant).</param>
/// <param name="CityKnown">False when the model has not seen the city and used the average city risk.</param>
public sealed record PredictionResponse(
    string? Id,
    int RiskFlag,
    double RiskProbability,
    double Threshold,
    string Label,
    string ModelVersion,
    IReadOnlyList<FactorResponse> TopFactors,
    bool CityKnown,
    bool StateKnown,
    double LogOdds,
    double BaseLogOdds)
{
    /// <summary>The id the decision log keeps this answer under (a UUID v7, which carries the decision's time); outcomes refer to it. Absent when logging is off.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? DecisionId { get; init; }

    /// <summary>What in the request was ignored (a label that is not 0 or 1: scoring does not use it); absent when nothing was.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }

    public static PredictionResponse From(string? id, RiskAssessment assessment, IReadOnlyList<RowError>? warnings = null)
    {
        var factors = new FactorResponse[assessment.TopFactors.Count];
        for (var i = 0; i < factors.Length; i++)
        {
            var factor = assessment.TopFactors[i];
            factors[i] = new FactorResponse(factor.Feature, factor.Description, factor.Contribution);
        }

        return new PredictionResponse(id, assessment.Flag ? 1 : 0, assessment.Probability, assessment.Threshold, assessment.Label,
            assessment.ModelVersion, factors, assessment.CityKnown, assessment.StateKnown, assessment.LogOdds, assessment.BaseLogOdds)
        {
            DecisionId = assessment.DecisionId,
            Warnings = warnings is { Count: > 0 } ? [.. warnings.Select(w => $"{w.Field}: {w.Reason}")] : null,
        };
    }
}

/// <param name="Contribution">Exact SHAP value: change in the log-odds of default; positive raises the risk.</param>
public sealed record FactorResponse(string Feature, string Description, double Contribution);
