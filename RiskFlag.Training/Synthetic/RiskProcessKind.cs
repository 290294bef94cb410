namespace RiskFlag.Training.Synthetic;

/// <summary>Which documented risk process labels the generated applicants (docs/synthetic-data.md).</summary>
public enum RiskProcessKind
{
    /// <summary>A sum of readable effects per field: what a linear model on good encodings could nearly capture.</summary>
    Additive,

    /// <summary>
    /// The additive effects plus interactions and thresholds that only trees (or hand-made crosses) can find:
    /// a low income weighs far more on the young, and a new job in a rented house is riskier than the two apart.
    /// </summary>
    Interacting,
}
