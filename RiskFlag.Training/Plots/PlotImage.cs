using System.Globalization;
using System.Xml.Linq;

using ScottPlot;

namespace RiskFlag.Training.Plots;

/// <summary>A plot as SVG text (the bundle and the pages) and as PNG bytes (README and docs).</summary>
internal static class PlotImage
{
    public static string Svg(Plot plot) => Scalable(Invariant(() => plot.GetSvgXml(PlotStyle.Width, PlotStyle.Height)));

    public static byte[] Png(Plot plot) => Invariant(() => plot.GetImageBytes(PlotStyle.Width, PlotStyle.Height, ImageFormat.Png));

    // ScottPlot writes a fixed-size document. A viewBox lets the pages scale it with CSS (an img without one crops
    // instead), and without the XML declaration the text is an svg element that can also be inlined in HTML.
    private static string Scalable(string svg)
    {
        var root = XElement.Parse(svg);
        root.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {PlotStyle.Width} {PlotStyle.Height}"));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    // Tick labels are formatted with the current culture; a plot should read the same on every trainer's machine.
    private static T Invariant<T>(Func<T> render)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
