namespace RiskFlag.Core.Evaluation;

/// <summary>
/// One probability bucket of a reliability diagram: what the model predicted on average against how often the
/// event actually happened, and how much (weighted) data stands behind the comparison.
/// </summary>
public readonly record struct CalibrationBin(double MeanPredicted, double ObservedRate, double Weight);
