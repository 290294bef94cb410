namespace RiskFlag.Core.Evaluation;

/// <summary>
/// DeLong's paired comparison of two classifiers' ROC AUCs on the same rows. Because both models score the same
/// rows their AUCs are correlated, and the standard error accounts for that covariance, which makes it smaller than
/// treating the two AUCs as independent whenever the models agree on the ranking.
/// </summary>
/// <param name="Rows">Number of rows compared.</param>
/// <param name="Positives">Number of rows labelled 1.</param>
/// <param name="FirstAuc">ROC AUC of the first model, ties counted as half; NaN unless both classes are present.</param>
/// <param name="SecondAuc">ROC AUC of the second model, ties counted as half; NaN unless both classes are present.</param>
/// <param name="Difference"><see cref="SecondAuc"/> - <see cref="FirstAuc"/>: positive when the second model ranks better.</param>
/// <param name="StandardError">
/// DeLong standard error of <see cref="Difference"/>; 0 when both models rank the rows identically. NaN unless each
/// class has at least two rows, since the estimator takes a sample variance within each class.
/// </param>
/// <param name="Lower95">Lower end of the two-sided 95 % normal confidence interval for <see cref="Difference"/>.</param>
/// <param name="Upper95">Upper end of the two-sided 95 % normal confidence interval for <see cref="Difference"/>.</param>
/// <param name="PValue">
/// Two-sided p-value of the z test of "equal AUCs". With a zero standard error it is 1 when the difference is 0
/// and 0 otherwise.
/// </param>
public sealed record PairedAuc(
    int Rows,
    int Positives,
    double FirstAuc,
    double SecondAuc,
    double Difference,
    double StandardError,
    double Lower95,
    double Upper95,
    double PValue);
