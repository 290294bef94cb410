using RiskFlag.Core.Evaluation;

using ScottPlot;

namespace RiskFlag.Training.Plots;

/// <summary>
/// Reliability diagram: observed rate against mean predicted probability per bin, with the diagonal a perfectly
/// calibrated model lies on. Marker size grows with the bin's weight, since a bin backed by a handful of rows can
/// sit far from the diagonal by chance.
/// </summary>
internal static class CalibrationPlot
{
    public static Plot Draw(IReadOnlyList<CalibrationBin> bins, string title)
    {
        var plot = PlotStyle.Create(title, "Mean predicted probability", "Observed positive rate");
        PlotStyle.ReferenceLine(plot, 0, 0, 1, 1, "Perfectly calibrated");
        var line = plot.Add.Scatter(bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.ObservedRate).ToArray(), PlotStyle.Model);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.LegendText = "Model";
        var heaviest = bins.Count == 0 ? 1 : bins.Max(b => b.Weight);
        foreach (var bin in bins)
        {
            var marker = plot.Add.Marker(bin.MeanPredicted, bin.ObservedRate, MarkerShape.FilledCircle, (float)(4 + (8 * Math.Sqrt(bin.Weight / heaviest))), PlotStyle.Model);
            marker.LegendText = string.Empty;
        }

        PlotStyle.UnitSquare(plot);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
