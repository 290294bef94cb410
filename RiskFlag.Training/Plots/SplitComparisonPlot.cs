using RiskFlag.Core.Evaluation;

using ScottPlot;

namespace RiskFlag.Training.Plots;

/// <summary>
/// The same model capacity evaluated on the grouped split (applicants never seen in training, the shipped model) and
/// on a random row split (where repeated applicants leak): the gap is how much a random split would flatter the model.
/// </summary>
internal static class SplitComparisonPlot
{
    private static readonly (string Name, Func<BinaryMetrics, double> Value)[] Metrics =
    [
        ("ROC AUC", m => m.RocAuc),
        ("PR AUC", m => m.PrAuc),
        ("F1", m => m.F1),
        ("Precision", m => m.Precision),
        ("Recall", m => m.Recall),
    ];

    public static Plot Draw(BinaryMetrics grouped, BinaryMetrics random, string title)
    {
        var plot = PlotStyle.Create(title, string.Empty, "Metric value");
        Series(plot, grouped, offset: -0.2, PlotStyle.Model, "Grouped split (unseen applicants)");
        Series(plot, random, offset: 0.2, PlotStyle.Second, "Random row split");
        plot.Axes.Bottom.SetTicks([.. Metrics.Select((_, i) => (double)i)], [.. Metrics.Select(m => m.Name)]);
        plot.Axes.SetLimits(-0.6, Metrics.Length - 0.4, 0, 1.15);
        plot.HideGrid();
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void Series(Plot plot, BinaryMetrics metrics, double offset, Color color, string legend)
    {
        var bars = plot.Add.Bars(Metrics.Select((metric, i) =>
        {
            var value = metric.Value(metrics);
            return new Bar
            {
                Position = i + offset,
                Value = double.IsFinite(value) ? value : 0,
                Size = 0.38,
                FillColor = color,
                Label = PlotText.Metric(value),
            };
        }).ToList());
        bars.LegendText = legend;
        bars.ValueLabelStyle.FontSize = 11;
    }
}
