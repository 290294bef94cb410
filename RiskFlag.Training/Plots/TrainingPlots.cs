using RiskFlag.Core.Evaluation;

namespace RiskFlag.Training.Plots;

/// <summary>
/// The evaluation plots of a trained model, drawn with ScottPlot from the grouped validation split (the split the
/// shipped model is judged on) and the random split's metrics for the comparison. Every number a plot prints comes
/// from <see cref="BinaryClassificationEvaluator"/>, so a plot and metrics.json never disagree.
/// </summary>
public static class TrainingPlots
{
    public const string Roc = "roc";
    public const string PrecisionRecall = "pr";
    public const string Calibration = "calibration";
    public const string Confusion = "confusion";
    public const string Scores = "scores";
    public const string SplitComparison = "comparison";

    public static IReadOnlyList<string> Names { get; } = [Roc, PrecisionRecall, Calibration, Confusion, Scores, SplitComparison];

    /// <param name="probabilities">Predicted probabilities of the grouped validation rows.</param>
    /// <param name="labels">Their 0/1 labels.</param>
    /// <param name="weights">Their weights (copy counts), or empty for 1 each.</param>
    /// <param name="grouped">The metrics of those rows at the shipped threshold.</param>
    /// <param name="random">The metrics of the same capacity on the random row split.</param>
    public static RenderedPlots Draw(float[] probabilities, float[] labels, float[] weights, BinaryMetrics grouped, BinaryMetrics random)
    {
        ArgumentNullException.ThrowIfNull(grouped);
        ArgumentNullException.ThrowIfNull(random);
        var curves = BinaryClassificationEvaluator.Curves(probabilities, labels, weights);
        var distribution = BinaryClassificationEvaluator.ScoreDistribution(probabilities, labels, weights);
        var baseRate = grouped.Rows == 0 ? 0 : grouped.Positives / grouped.Rows;

        var plots = new RenderedPlots();
        Add(plots, Roc, RocPlot.Draw(curves.Roc, grouped.RocAuc, "ROC — unseen applicants (grouped validation)"));
        Add(plots, PrecisionRecall, PrecisionRecallPlot.Draw(curves.PrecisionRecall, grouped.PrAuc, baseRate, "Precision–recall — grouped validation"));
        Add(plots, Calibration, CalibrationPlot.Draw(curves.Calibration, "Calibration — grouped validation"));
        Add(plots, Confusion, ConfusionMatrixPlot.Draw(grouped.Confusion, grouped.Threshold, "Confusion matrix — grouped validation"));
        Add(plots, Scores, ScoreDistributionPlot.Draw(distribution, grouped.Threshold, "Predicted probability by class — grouped validation"));
        Add(plots, SplitComparison, SplitComparisonPlot.Draw(grouped, random, "Grouped vs random split — same capacity"));
        return plots;
    }

    private static void Add(RenderedPlots plots, string name, ScottPlot.Plot plot)
    {
        using (plot)
        {
            plots.Add(name, plot);
        }
    }
}
