namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Standalone SVG charts (about 480×400 px) of an evaluation, for reports and the browser. Output is self-contained
/// XML with no external resources, numbers always use '.' as the decimal mark, and curves are thinned to at most 200
/// points, so even full-resolution curves of a large validation set produce small files.
/// </summary>
public static class SvgCharts
{
    /// <summary>ROC curve with the random-classifier diagonal; <paramref name="auc"/> is shown in the legend.</summary>
    public static string RocCurve(IReadOnlyList<CurvePoint> roc, double auc, string title)
    {
        ArgumentNullException.ThrowIfNull(roc);
        ArgumentNullException.ThrowIfNull(title);
        return RocChart.Render(roc, auc, title);
    }

    /// <summary>Precision-recall curve drawn as steps, with the no-skill baseline at <paramref name="baseRate"/>.</summary>
    public static string PrecisionRecallCurve(IReadOnlyList<CurvePoint> pr, double prAuc, double baseRate, string title)
    {
        ArgumentNullException.ThrowIfNull(pr);
        ArgumentNullException.ThrowIfNull(title);
        return PrecisionRecallChart.Render(pr, prAuc, baseRate, title);
    }

    /// <summary>Reliability diagram of the bins against the perfect-calibration diagonal.</summary>
    public static string CalibrationPlot(IReadOnlyList<CalibrationBin> bins, string title)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(title);
        return CalibrationChart.Render(bins, title);
    }

    /// <summary>2×2 heatmap with the weighted count and row percent of each cell.</summary>
    public static string ConfusionMatrixChart(ConfusionMatrix matrix, double threshold, string title)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(title);
        return ConfusionMatrixHeatmap.Render(matrix, threshold, title);
    }
}
