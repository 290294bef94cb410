using System.Globalization;
using System.Xml.Linq;

namespace RiskFlag.Core.Evaluation;

/// <summary>
/// 2×2 heatmap of a confusion matrix: rows are the actual class, columns the decision. Cells are shaded by their share
/// of the actual class (row percent), because with rare defaults raw counts would leave the positive row pale
/// however good or bad the model is at catching them.
/// </summary>
internal static class ConfusionMatrixHeatmap
{
    private const double CanvasWidth = 480.0;
    private const double CanvasHeight = 400.0;
    private const double GridLeft = 150.0;
    private const double GridTop = 76.0;
    private const double CellWidth = 140.0;
    private const double CellHeight = 110.0;
    private const double GridBottom = GridTop + (2 * CellHeight);

    public static string Render(ConfusionMatrix matrix, double threshold, string title)
    {
        XElement svg = Svg.Document(CanvasWidth, CanvasHeight, title);
        svg.Add(Svg.Text(CanvasWidth / 2.0, 28.0, title, fontSize: 16.0, bold: true));
        svg.Add(Svg.Text(
            CanvasWidth / 2.0,
            50.0,
            $"flag when p >= {SvgFormat.Metric(threshold)}, {SvgFormat.Count(matrix.Total)} rows",
            fill: "#555555"));

        AddCell(svg, row: 0, column: 0, "TN", matrix.TrueNegatives, matrix.ActualNegatives);
        AddCell(svg, row: 0, column: 1, "FP", matrix.FalsePositives, matrix.ActualNegatives);
        AddCell(svg, row: 1, column: 0, "FN", matrix.FalseNegatives, matrix.ActualPositives);
        AddCell(svg, row: 1, column: 1, "TP", matrix.TruePositives, matrix.ActualPositives);

        string[] classNames = ["0 (negative)", "1 (positive)"];
        for (int i = 0; i < 2; i++)
        {
            svg.Add(Svg.Text(GridLeft + ((i + 0.5) * CellWidth), GridBottom + 20.0, classNames[i]));
            svg.Add(Svg.Text(GridLeft - 10.0, GridTop + ((i + 0.5) * CellHeight) + 4.0, classNames[i], anchor: "end"));
        }

        svg.Add(Svg.Text(GridLeft + CellWidth, GridBottom + 42.0, "Predicted label", fontSize: 13.0));
        svg.Add(Svg.Text(30.0, GridTop + CellHeight, "Actual label", fontSize: 13.0, rotation: -90.0));
        svg.Add(Svg.Text(CanvasWidth / 2.0, 368.0, "Shading and percentages: share of the actual class (row)", fontSize: 11.0, fill: "#555555"));
        return svg.ToString();
    }

    private static void AddCell(XElement svg, int row, int column, string name, double count, double rowTotal)
    {
        double share = rowTotal > 0.0 ? count / rowTotal : double.NaN;
        double shade = double.IsFinite(share) ? share : 0.0;
        double x = GridLeft + (column * CellWidth);
        double y = GridTop + (row * CellHeight);
        string textColor = shade > 0.55 ? "#ffffff" : "#222222";

        svg.Add(Svg.Rect(x, y, CellWidth, CellHeight, Shade(shade), "#ffffff"));
        svg.Add(Svg.Text(x + 8.0, y + 16.0, name, fontSize: 11.0, anchor: "start", fill: textColor));
        svg.Add(Svg.Text(x + (CellWidth / 2.0), y + (CellHeight / 2.0), SvgFormat.Count(count), fontSize: 20.0, bold: true, fill: textColor));
        svg.Add(Svg.Text(x + (CellWidth / 2.0), y + (CellHeight / 2.0) + 20.0, SvgFormat.Percent(share), fontSize: 12.0, fill: textColor));
    }

    // Linear blend from near-white to dark blue, so 0% reads as empty and 100% as full.
    private static string Shade(double share)
    {
        static int Blend(int from, int to, double t) => (int)Math.Round(from + ((to - from) * t));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"#{Blend(0xf7, 0x08, share):x2}{Blend(0xfb, 0x51, share):x2}{Blend(0xff, 0x9c, share):x2}");
    }
}
