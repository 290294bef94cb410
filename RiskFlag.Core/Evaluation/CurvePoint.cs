namespace RiskFlag.Core.Evaluation;

/// <summary>One vertex of an ROC or precision-recall curve, both coordinates in [0, 1].</summary>
public readonly record struct CurvePoint(double X, double Y);
