namespace RiskFlag.Core.Scoring;

/// <summary>The answer for one applicant.</summary>
/// <param name="Flag">True (high risk) when <see cref="Probability"/> is at or above <see cref="Threshold"/>.</param>
/// <param name="LogOdds">The model's raw score: the log-odds of default that the factors' contributions explain.</param>
/// <param name="BaseLogOdds">Where every explanation starts: the average log-odds over the training applicants.</param>
/// <param name="CityKnown">False when the model has not seen the city, so the average city risk was used.</param>
public sealed record RiskAssessment(
    double Probability,
    bool Flag,
    double Threshold,
    string ModelVersion,
    IReadOnlyList<RiskFactor> TopFactors,
    bool CityKnown,
    bool StateKnown,
    double LogOdds = 0,
    double BaseLogOdds = 0)
{
    public string Label => Flag ? "High Risk" : "Low Risk";

    /// <summary>The id the decision log keeps this answer under; null when it is not logged (logging off, the CLI).</summary>
    public Guid? DecisionId { get; init; }
}
