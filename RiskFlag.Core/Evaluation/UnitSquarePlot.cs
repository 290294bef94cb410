using System.Xml.Linq;

namespace RiskFlag.Core.Evaluation;

/// <summary>
/// A titled 480×400 chart whose axes both run from 0 to 1, as ROC, precision-recall and calibration plots do. It owns
/// the layout (title, grid, ticks, axis labels, a legend row under the plot) so the individual charts only add data.
/// </summary>
internal sealed class UnitSquarePlot
{
    private const double CanvasWidth = 480.0;
    private const double CanvasHeight = 400.0;
    private const double PlotLeft = 70.0;
    private const double PlotTop = 46.0;
    private const double PlotWidth = 380.0;
    private const double PlotHeight = 270.0;
    private const double PlotBottom = PlotTop + PlotHeight;
    private const double LegendBaseline = 388.0;

    // Rough advance of a 12px sans-serif character; enough to centre the legend without measuring text.
    private const double LegendCharacterWidth = 6.6;
    private const double LegendSampleLength = 24.0;
    private const double LegendSampleGap = 6.0;
    private const double LegendEntryGap = 22.0;

    private static readonly double[] TickValues = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0];

    private readonly XElement _svg;

    public UnitSquarePlot(string title, string xAxisLabel, string yAxisLabel)
    {
        _svg = Svg.Document(CanvasWidth, CanvasHeight, title);
        _svg.Add(Svg.Text(CanvasWidth / 2.0, 28.0, title, fontSize: 16.0, bold: true));
        AddGridAndTicks();
        _svg.Add(Svg.Rect(PlotLeft, PlotTop, PlotWidth, PlotHeight, "none", ChartColors.Axis));
        _svg.Add(Svg.Text(PlotLeft + (PlotWidth / 2.0), PlotBottom + 38.0, xAxisLabel, fontSize: 13.0));
        double yLabelCenter = PlotTop + (PlotHeight / 2.0);
        _svg.Add(Svg.Text(22.0, yLabelCenter, yAxisLabel, fontSize: 13.0, rotation: -90.0));
    }

    /// <summary>Straight segments through the points; non-finite points are skipped.</summary>
    public void AddLine(IReadOnlyList<CurvePoint> points, string color, double strokeWidth = 2.0, string? dashArray = null)
    {
        SvgPathData path = new();
        foreach (CurvePoint point in Drawable(points))
        {
            if (path.IsEmpty)
            {
                path.MoveTo(X(point.X), Y(point.Y));
            }
            else
            {
                path.LineTo(X(point.X), Y(point.Y));
            }
        }

        AddPath(path, color, strokeWidth, dashArray);
    }

    /// <summary>
    /// A step function that holds each point's Y over the X interval leading up to it, which is how average
    /// precision integrates the precision-recall curve.
    /// </summary>
    public void AddSteps(IReadOnlyList<CurvePoint> points, string color, double strokeWidth = 2.0)
    {
        SvgPathData path = new();
        double previousX = 0.0;
        foreach (CurvePoint point in Drawable(points))
        {
            if (path.IsEmpty)
            {
                path.MoveTo(X(point.X), Y(point.Y));
            }
            else
            {
                path.LineTo(previousX, Y(point.Y)).LineTo(X(point.X), Y(point.Y));
            }

            previousX = X(point.X);
        }

        AddPath(path, color, strokeWidth, dashArray: null);
    }

    public void AddMarker(CurvePoint point, string color, string tooltip)
    {
        if (double.IsFinite(point.X) && double.IsFinite(point.Y))
        {
            _svg.Add(Svg.Circle(X(point.X), Y(point.Y), 4.0, color, tooltip));
        }
    }

    public void AddLegend(IReadOnlyList<LegendEntry> entries)
    {
        double[] widths = [.. entries.Select(entry => LegendSampleLength + LegendSampleGap + (entry.Label.Length * LegendCharacterWidth))];
        double x = (CanvasWidth - (widths.Sum() + (LegendEntryGap * (entries.Count - 1)))) / 2.0;
        for (int i = 0; i < entries.Count; i++)
        {
            LegendEntry entry = entries[i];
            _svg.Add(Svg.Line(x, LegendBaseline - 4.0, x + LegendSampleLength, LegendBaseline - 4.0, entry.Color, 2.0, entry.DashArray));
            _svg.Add(Svg.Text(x + LegendSampleLength + LegendSampleGap, LegendBaseline, entry.Label, anchor: "start"));
            x += widths[i] + LegendEntryGap;
        }
    }

    public string ToSvg()
    {
        return _svg.ToString();
    }

    private static double X(double value)
    {
        return PlotLeft + (value * PlotWidth);
    }

    private static double Y(double value)
    {
        return PlotBottom - (value * PlotHeight);
    }

    private void AddGridAndTicks()
    {
        foreach (double tick in TickValues)
        {
            string label = SvgFormat.Tick(tick);
            _svg.Add(Svg.Line(X(tick), PlotTop, X(tick), PlotBottom, ChartColors.Grid));
            _svg.Add(Svg.Line(PlotLeft, Y(tick), PlotLeft + PlotWidth, Y(tick), ChartColors.Grid));
            _svg.Add(Svg.Line(X(tick), PlotBottom, X(tick), PlotBottom + 5.0, ChartColors.Axis));
            _svg.Add(Svg.Line(PlotLeft - 5.0, Y(tick), PlotLeft, Y(tick), ChartColors.Axis));
            _svg.Add(Svg.Text(X(tick), PlotBottom + 18.0, label, fontSize: 11.0));
            _svg.Add(Svg.Text(PlotLeft - 8.0, Y(tick) + 4.0, label, fontSize: 11.0, anchor: "end"));
        }
    }

    private void AddPath(SvgPathData path, string color, double strokeWidth, string? dashArray)
    {
        if (!path.IsEmpty)
        {
            _svg.Add(Svg.Path(path.ToString(), color, strokeWidth, dashArray));
        }
    }

    // Callers may pass full-resolution curves; thinning here keeps every chart small whatever it is given.
    private static IReadOnlyList<CurvePoint> Drawable(IReadOnlyList<CurvePoint> points)
    {
        CurvePoint[] finite = [.. points.Where(point => double.IsFinite(point.X) && double.IsFinite(point.Y))];
        return CurveDownsampler.Downsample(finite);
    }
}
