using RiskFlag.Core.Evaluation;

using ScottPlot;

namespace RiskFlag.Training.Plots;

/// <summary>
/// The predicted probability of each class as overlapping histograms (share of the class per bin), with the decision
/// threshold: what lies right of it is flagged, so the negatives there are false alarms and the positives left of it
/// are missed defaults.
/// </summary>
internal static class ScoreDistributionPlot
{
    public static Plot Draw(ScoreDistribution distribution, double threshold, string title)
    {
        var plot = PlotStyle.Create(title, "Predicted probability of default", "Share of the class");
        Series(plot, distribution, distribution.Negatives, PlotStyle.Model, $"Repaid (label 0, {PlotText.Count(distribution.NegativeWeight)} rows)");
        Series(plot, distribution, distribution.Positives, PlotStyle.Second, $"Defaulted (label 1, {PlotText.Count(distribution.PositiveWeight)} rows)");

        var cut = plot.Add.VerticalLine(threshold, 2, PlotStyle.Threshold, LinePattern.Dashed);
        cut.LegendText = $"Threshold ({PlotText.Metric(threshold)})";
        var top = distribution.Negatives.Concat(distribution.Positives).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimits(0, 1, 0, Math.Max(top * 1.1, 0.05));
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void Series(Plot plot, ScoreDistribution distribution, IReadOnlyList<double> shares, Color color, string legend)
    {
        // Translucent, so where the classes overlap both stay visible.
        var bars = plot.Add.Bars(shares.Select((share, bin) => new Bar
        {
            Position = distribution.Center(bin),
            Value = share,
            Size = distribution.BinWidth,
            FillColor = color.WithAlpha(0.45),
            LineColor = color,
            LineWidth = 1,
        }).ToList());
        bars.LegendText = legend;
    }
}
