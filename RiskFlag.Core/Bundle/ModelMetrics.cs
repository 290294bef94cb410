using RiskFlag.Core.Evaluation;

namespace RiskFlag.Core.Bundle;

/// <summary>
/// metrics.json: the same model family evaluated two ways. Grouped keeps every copy of an applicant on
/// one side of the split (what a new applicant will see); Random is the naive row split, shown only so
/// the memorisation gap stays visible.
/// </summary>
public sealed record ModelMetrics(
    BinaryMetrics Grouped,
    BinaryMetrics Random,
    int BestIteration,
    int RoundsLimit,
    double TrainingSeconds,
    int TrainRows,
    int ValidationRows,
    int ValidationApplicants)
{
    public double RocAucGap => Random.RocAuc - Grouped.RocAuc;
}
