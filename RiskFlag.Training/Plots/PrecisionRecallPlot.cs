using RiskFlag.Core.Evaluation;

using ScottPlot;

namespace RiskFlag.Training.Plots;

/// <summary>
/// Precision-recall curve drawn as steps (so it encloses the average precision), with the no-skill line at the
/// share of positives: with rare defaults that line sits low, and the curve's height above it is the model's worth.
/// </summary>
internal static class PrecisionRecallPlot
{
    public static Plot Draw(IReadOnlyList<CurvePoint> pr, double averagePrecision, double baseRate, string title)
    {
        var plot = PlotStyle.Create(title, "Recall", "Precision");
        PlotStyle.ReferenceLine(plot, 0, baseRate, 1, baseRate, $"No skill (precision = {PlotText.Metric(baseRate)})");
        var curve = plot.Add.Scatter(pr.Select(p => p.X).ToArray(), pr.Select(p => p.Y).ToArray(), PlotStyle.Model);
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        // Precision holds until recall reaches the next point: a step after each point, not a slope.
        curve.ConnectStyle = ConnectStyle.StepVertical;
        curve.LegendText = $"Model (AP = {PlotText.Metric(averagePrecision)})";
        PlotStyle.UnitSquare(plot);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
