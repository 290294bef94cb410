namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Quality of a probabilistic binary classifier on one data set. The ranking metrics (<see cref="RocAuc"/>,
/// <see cref="PrAuc"/>) and the probability metrics (<see cref="LogLoss"/>, <see cref="Brier"/>) do not depend on
/// <see cref="Threshold"/>; the remaining ones describe the decision "flag when probability &gt;= Threshold".
/// </summary>
/// <param name="RocAuc">Area under the ROC curve, ties counted as half; NaN unless both classes are present.</param>
/// <param name="PrAuc">Average precision (sklearn's definition); NaN unless both classes are present.</param>
/// <param name="LogLoss">Weighted mean cross-entropy with probabilities clipped to [1e-15, 1 - 1e-15].</param>
/// <param name="Brier">Weighted mean squared difference between probability and label.</param>
/// <param name="Accuracy">Share of correctly decided weight; NaN for an empty data set.</param>
/// <param name="Precision">TP / (TP + FP); 0 when nothing is flagged, as in sklearn.</param>
/// <param name="Recall">TP / (TP + FN); 0 when there are no positives, as in sklearn.</param>
/// <param name="F1">Harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Threshold">The decision threshold the confusion-based metrics use.</param>
/// <param name="Confusion">Weighted confusion matrix at <see cref="Threshold"/>.</param>
/// <param name="Rows">Total weight, i.e. the number of rows after expanding weights.</param>
/// <param name="Positives">Total weight of rows labelled 1.</param>
public sealed record BinaryMetrics(
    double RocAuc,
    double PrAuc,
    double LogLoss,
    double Brier,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double Threshold,
    ConfusionMatrix Confusion,
    double Rows,
    double Positives);
