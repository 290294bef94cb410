using System.Globalization;

namespace RiskFlag.Web.Outcomes;

/// <summary>
/// Coordinates for the Performance page's inline SVG charts: values in a box of [xMin, xMax] × [yMin, yMax] mapped
/// onto <see cref="Width"/> × <see cref="Height"/> pixels, y upwards. Drawn in the page, so the charts need no script
/// and no image requests, and the page's content security policy stays as strict.
/// </summary>
public sealed class SvgChart(double xMin = 0, double xMax = 1, double yMin = 0, double yMax = 1)
{
    public const int Width = 280;
    public const int Height = 200;
    public const int Margin = 28;

    public string X(double x) => Format(Margin + ((x - xMin) / Span(xMin, xMax) * (Width - (2 * Margin))));

    public string Y(double y) => Format(Height - Margin - ((Math.Clamp(y, yMin, yMax) - yMin) / Span(yMin, yMax) * (Height - (2 * Margin))));

    /// <summary>The points attribute of a polyline through the points, in order.</summary>
    public string Points(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => $"{X(p.X)},{Y(p.Y)}"));

    private static double Span(double min, double max) => max > min ? max - min : 1;

    private static string Format(double pixels) => pixels.ToString("0.#", CultureInfo.InvariantCulture);
}
