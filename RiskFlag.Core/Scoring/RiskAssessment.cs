namespace RiskFlag.Core.Scoring;

/// <summary>The answer for one applicant.</summary>
/// <param name="Flag">True (high risk) when <see cref="Probability"/> is at or above <see cref="Threshold"/>.</param>
/// <param name="CityKnown">False when the model has not seen the city, so the average city risk was used.</param>
public sealed record RiskAssessment(
    double Probability,
    bool Flag,
    double Threshold,
    string ModelVersion,
    IReadOnlyList<RiskFactor> TopFactors,
    bool CityKnown,
    bool StateKnown)
{
    public string Label => Flag ? "High Risk" : "Low Risk";
}
