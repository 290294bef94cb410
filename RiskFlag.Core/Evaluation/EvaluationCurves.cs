namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Chart-ready curves of a classifier. ROC and precision-recall curves are downsampled to at most 200 points
/// (endpoints kept), so they stay small whatever the size of the data set.
/// </summary>
/// <param name="Roc">X = false-positive rate, Y = true-positive rate, from (0, 0) to (1, 1).</param>
/// <param name="PrecisionRecall">
/// X = recall, Y = precision, by increasing recall; starts at recall 0 with the precision of the highest threshold
/// so that drawing it as a step function encloses the average precision.
/// </param>
/// <param name="Calibration">Non-empty equal-width probability bins, lowest first.</param>
public sealed record EvaluationCurves(
    IReadOnlyList<CurvePoint> Roc,
    IReadOnlyList<CurvePoint> PrecisionRecall,
    IReadOnlyList<CalibrationBin> Calibration);
