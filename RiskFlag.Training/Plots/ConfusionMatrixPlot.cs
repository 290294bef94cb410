using RiskFlag.Core.Evaluation;

using ScottPlot;

namespace RiskFlag.Training.Plots;

/// <summary>
/// 2×2 heatmap of a confusion matrix: rows are the actual class, columns the decision. Cells are shaded by their share
/// of the actual class (row percent), because with rare defaults raw counts would leave the positive row pale however
/// good or bad the model is at catching them.
/// </summary>
internal static class ConfusionMatrixPlot
{
    private static readonly string[] Classes = ["0 (negative)", "1 (positive)"];

    public static Plot Draw(ConfusionMatrix matrix, double threshold, string title)
    {
        var plot = PlotStyle.Create($"{title}\nflag when p >= {PlotText.Metric(threshold)}, {PlotText.Count(matrix.Total)} rows", "Predicted label", "Actual label");
        // Actual 0 is the top row (y = 1), as confusion matrices are usually read.
        Cell(plot, column: 0, row: 1, "TN", matrix.TrueNegatives, matrix.ActualNegatives);
        Cell(plot, column: 1, row: 1, "FP", matrix.FalsePositives, matrix.ActualNegatives);
        Cell(plot, column: 0, row: 0, "FN", matrix.FalseNegatives, matrix.ActualPositives);
        Cell(plot, column: 1, row: 0, "TP", matrix.TruePositives, matrix.ActualPositives);

        plot.Axes.Bottom.SetTicks([0.5, 1.5], Classes);
        plot.Axes.Left.SetTicks([1.5, 0.5], Classes);
        plot.Axes.SetLimits(0, 2, 0, 2);
        plot.HideGrid();
        return plot;
    }

    private static void Cell(Plot plot, int column, int row, string name, double count, double rowTotal)
    {
        var share = rowTotal > 0 ? count / rowTotal : double.NaN;
        var shade = double.IsFinite(share) ? share : 0;
        var rectangle = plot.Add.Rectangle(column, column + 1, row, row + 1);
        rectangle.FillColor = Shade(shade);
        rectangle.LineColor = Colors.White;
        rectangle.LineWidth = 2;

        var ink = shade > 0.55 ? Colors.White : Color.FromHex("#222222");
        var label = plot.Add.Text($"{name}\n{PlotText.Count(count)}\n{PlotText.Percent(share)}", column + 0.5, row + 0.5);
        label.LabelFontSize = 16;
        label.LabelBold = true;
        label.LabelFontColor = ink;
        label.LabelAlignment = Alignment.MiddleCenter;
    }

    // Linear blend from near-white to dark blue, so 0% reads as empty and 100% as full.
    private static Color Shade(double share)
    {
        static byte Blend(int from, int to, double t) => (byte)Math.Round(from + ((to - from) * t));
        return new Color(Blend(0xf7, 0x08, share), Blend(0xfb, 0x51, share), Blend(0xff, 0x9c, share));
    }
}
