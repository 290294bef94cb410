namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Evaluates a binary classifier from its predicted probabilities and the 0/1 labels. Optional per-row weights act
/// as copy counts: a row with weight 3 counts exactly like three identical rows. An empty weight span means every
/// row weighs 1.
/// </summary>
public static class BinaryClassificationEvaluator
{
    /// <summary>All metrics at once; the decision metrics use "flag when probability &gt;= threshold".</summary>
    /// <exception cref="ArgumentException">
    /// The spans differ in length, a label is not 0 or 1, a probability is not finite, or a weight is negative or not finite.
    /// </exception>
    public static BinaryMetrics Evaluate(
        ReadOnlySpan<float> probabilities,
        ReadOnlySpan<float> labels,
        ReadOnlySpan<float> weights,
        double threshold)
    {
        LabeledScores data = new(probabilities, labels, weights);
        ScoreRanking ranking = ScoreRanking.Build(data);
        ConfusionMatrix confusion = ConfusionMatrixCounter.Count(data, threshold);
        return new BinaryMetrics(
            RocAuc: RankingMetrics.RocAuc(ranking),
            PrAuc: RankingMetrics.AveragePrecision(ranking),
            LogLoss: ProbabilityLosses.LogLoss(data),
            Brier: ProbabilityLosses.Brier(data),
            Accuracy: ConfusionRates.Accuracy(confusion),
            Precision: ConfusionRates.Precision(confusion),
            Recall: ConfusionRates.Recall(confusion),
            F1: ConfusionRates.F1(confusion),
            Threshold: threshold,
            Confusion: confusion,
            Rows: confusion.Total,
            Positives: confusion.ActualPositives);
    }

    /// <summary>
    /// The threshold that maximises F1, searched exactly over all distinct predicted probabilities. Among equally
    /// good thresholds the highest is returned. NaN when there are no positive rows (F1 is then 0 for any threshold).
    /// </summary>
    /// <exception cref="ArgumentException">Invalid input, as for <see cref="Evaluate"/>.</exception>
    public static double BestF1Threshold(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights)
    {
        LabeledScores data = new(probabilities, labels, weights);
        return F1ThresholdSearch.BestThreshold(ScoreRanking.Build(data));
    }

    /// <summary>
    /// ROC and precision-recall curves (downsampled to at most 200 points each, endpoints kept) and a reliability
    /// diagram with <paramref name="calibrationBins"/> equal-width bins. The ranking curves are empty unless both
    /// classes are present.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid input, as for <see cref="Evaluate"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="calibrationBins"/> is less than 1.</exception>
    public static EvaluationCurves Curves(
        ReadOnlySpan<float> probabilities,
        ReadOnlySpan<float> labels,
        ReadOnlySpan<float> weights,
        int calibrationBins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calibrationBins, 1);
        LabeledScores data = new(probabilities, labels, weights);
        ScoreRanking ranking = ScoreRanking.Build(data);
        return new EvaluationCurves(
            Roc: CurveDownsampler.Downsample(RankingCurves.Roc(ranking)),
            PrecisionRecall: CurveDownsampler.Downsample(RankingCurves.PrecisionRecall(ranking)),
            Calibration: CalibrationBinning.UniformBins(data, calibrationBins));
    }

    /// <summary>The predicted probabilities of each class over <paramref name="bins"/> equal-width bins of [0, 1].</summary>
    /// <exception cref="ArgumentException">Invalid input, as for <see cref="Evaluate"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    public static ScoreDistribution ScoreDistribution(
        ReadOnlySpan<float> probabilities,
        ReadOnlySpan<float> labels,
        ReadOnlySpan<float> weights,
        int bins = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        return ScoreBinning.ByClass(new LabeledScores(probabilities, labels, weights), bins);
    }
}
