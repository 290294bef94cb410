using RiskFlag.Core.Evaluation;

namespace RiskFlag.Core.Outcomes;

/// <summary>
/// How one model version did on the decisions whose outcomes are known, on one channel or on all of them
/// (<see cref="AllChannels"/>). The ranking and probability metrics need <see cref="MinimumOutcomes"/> outcomes;
/// below that only the counts and rates are given, since an AUC over a handful of loans says nothing.
/// </summary>
/// <param name="Threshold">The threshold the model's decisions used: the confusion metrics are at it.</param>
/// <param name="PredictedDefaultRate">Mean predicted probability of default.</param>
/// <param name="Metrics">Null below the minimum number of outcomes.</param>
/// <param name="Curves">ROC, precision-recall and a ten-bin calibration table; null with <see cref="Metrics"/>.</param>
/// <param name="Weeks">The same by week of the decision (Monday, UTC), oldest first.</param>
public sealed record LivePerformance(
    string ModelVersion,
    string Channel,
    int Outcomes,
    int Defaults,
    int MinimumOutcomes,
    double Threshold,
    double PredictedDefaultRate,
    BinaryMetrics? Metrics,
    EvaluationCurves? Curves,
    IReadOnlyList<WeeklyPerformance> Weeks)
{
    public const string AllChannels = "all";

    public double ObservedDefaultRate => Outcomes == 0 ? double.NaN : (double)Defaults / Outcomes;

    public bool HasMetrics => Metrics is not null;
}

/// <param name="RocAuc">NaN below the minimum number of outcomes, or with one class only.</param>
public sealed record WeeklyPerformance(DateOnly WeekOf, int Outcomes, int Defaults, double RocAuc, double Brier)
{
    public double ObservedDefaultRate => Outcomes == 0 ? double.NaN : (double)Defaults / Outcomes;
}
