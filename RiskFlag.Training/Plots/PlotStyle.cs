using ScottPlot;

namespace RiskFlag.Training.Plots;

/// <summary>One look for every training plot: size, palette and the sans-serif font.</summary>
internal static class PlotStyle
{
    public const int Width = 560;
    public const int Height = 440;

    /// <summary>The model, and the grouped (honest) split.</summary>
    public static readonly Color Model = Color.FromHex("#1f77b4");

    /// <summary>Reference lines: chance, perfect calibration, the no-skill baseline.</summary>
    public static readonly Color Reference = Color.FromHex("#8c8c8c");

    /// <summary>The second series: positives in the score distribution, the random split in the comparison.</summary>
    public static readonly Color Second = Color.FromHex("#d62728");

    public static readonly Color Threshold = Color.FromHex("#2ca02c");

    /// <summary>A plot with the title, axis labels and font every training plot uses.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        plot.Title(title, size: 15);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        return plot;
    }

    /// <summary>Both axes span exactly [0, 1]: rates, probabilities and shares.</summary>
    public static void UnitSquare(Plot plot) => plot.Axes.SetLimits(0, 1, 0, 1);

    public static ScottPlot.Plottables.LinePlot ReferenceLine(Plot plot, double x1, double y1, double x2, double y2, string legend)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.Color = Reference;
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
        line.LegendText = legend;
        return line;
    }
}
