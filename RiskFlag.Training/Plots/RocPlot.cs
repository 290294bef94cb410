using RiskFlag.Core.Evaluation;

using ScottPlot;

namespace RiskFlag.Training.Plots;

/// <summary>ROC curve against the diagonal a random classifier would trace; the AUC is in the legend.</summary>
internal static class RocPlot
{
    public static Plot Draw(IReadOnlyList<CurvePoint> roc, double auc, string title)
    {
        var plot = PlotStyle.Create(title, "False positive rate", "True positive rate");
        PlotStyle.ReferenceLine(plot, 0, 0, 1, 1, "Random (AUC = 0.500)");
        var curve = plot.Add.Scatter(roc.Select(p => p.X).ToArray(), roc.Select(p => p.Y).ToArray(), PlotStyle.Model);
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = $"Model (AUC = {PlotText.Metric(auc)})";
        PlotStyle.UnitSquare(plot);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }
}
