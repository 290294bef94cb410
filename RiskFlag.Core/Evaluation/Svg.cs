using System.Xml.Linq;

namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Factory for the few SVG elements the charts use. Building an XElement tree (rather than concatenating strings)
/// means escaping and well-formedness are the XML writer's job, so a title like "A &lt; B &amp; C" cannot break the file.
/// </summary>
internal static class Svg
{
    public static readonly XNamespace Namespace = "http://www.w3.org/2000/svg";

    private const string FontFamily = "Helvetica, Arial, sans-serif";
    private const string TextColor = "#222222";

    /// <summary>A standalone root element with a white background and an accessible title.</summary>
    public static XElement Document(double width, double height, string title)
    {
        return new XElement(
            Namespace + "svg",
            new XAttribute("xmlns", Namespace.NamespaceName),
            new XAttribute("width", SvgFormat.Coordinate(width)),
            new XAttribute("height", SvgFormat.Coordinate(height)),
            new XAttribute("viewBox", $"0 0 {SvgFormat.Coordinate(width)} {SvgFormat.Coordinate(height)}"),
            new XAttribute("font-family", FontFamily),
            new XAttribute("role", "img"),
            new XElement(Namespace + "title", SvgFormat.CleanText(title)),
            Rect(0, 0, width, height, "#ffffff"));
    }

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1.0, string? dashArray = null)
    {
        return new XElement(
            Namespace + "line",
            new XAttribute("x1", SvgFormat.Coordinate(x1)),
            new XAttribute("y1", SvgFormat.Coordinate(y1)),
            new XAttribute("x2", SvgFormat.Coordinate(x2)),
            new XAttribute("y2", SvgFormat.Coordinate(y2)),
            new XAttribute("stroke", stroke),
            new XAttribute("stroke-width", SvgFormat.Coordinate(strokeWidth)),
            dashArray is null ? null : new XAttribute("stroke-dasharray", dashArray));
    }

    public static XElement Path(string data, string stroke, double strokeWidth, string? dashArray = null)
    {
        return new XElement(
            Namespace + "path",
            new XAttribute("d", data),
            new XAttribute("fill", "none"),
            new XAttribute("stroke", stroke),
            new XAttribute("stroke-width", SvgFormat.Coordinate(strokeWidth)),
            new XAttribute("stroke-linejoin", "round"),
            dashArray is null ? null : new XAttribute("stroke-dasharray", dashArray));
    }

    public static XElement Rect(double x, double y, double width, double height, string fill, string? stroke = null)
    {
        return new XElement(
            Namespace + "rect",
            new XAttribute("x", SvgFormat.Coordinate(x)),
            new XAttribute("y", SvgFormat.Coordinate(y)),
            new XAttribute("width", SvgFormat.Coordinate(width)),
            new XAttribute("height", SvgFormat.Coordinate(height)),
            new XAttribute("fill", fill),
            stroke is null ? null : new XAttribute("stroke", stroke));
    }

    /// <summary>A dot whose tooltip (an SVG title) shows the exact numbers behind it when hovered in a browser.</summary>
    public static XElement Circle(double centerX, double centerY, double radius, string fill, string tooltip)
    {
        return new XElement(
            Namespace + "circle",
            new XAttribute("cx", SvgFormat.Coordinate(centerX)),
            new XAttribute("cy", SvgFormat.Coordinate(centerY)),
            new XAttribute("r", SvgFormat.Coordinate(radius)),
            new XAttribute("fill", fill),
            new XAttribute("stroke", "#ffffff"),
            new XElement(Namespace + "title", SvgFormat.CleanText(tooltip)));
    }

    /// <param name="anchor">SVG text-anchor: start, middle or end.</param>
    /// <param name="rotation">Degrees clockwise about (x, y); used for vertical axis labels.</param>
    public static XElement Text(
        double x,
        double y,
        string text,
        double fontSize = 12.0,
        string anchor = "middle",
        bool bold = false,
        string fill = TextColor,
        double rotation = 0.0)
    {
        return new XElement(
            Namespace + "text",
            new XAttribute("x", SvgFormat.Coordinate(x)),
            new XAttribute("y", SvgFormat.Coordinate(y)),
            new XAttribute("font-size", SvgFormat.Coordinate(fontSize)),
            new XAttribute("text-anchor", anchor),
            new XAttribute("fill", fill),
            bold ? new XAttribute("font-weight", "bold") : null,
            rotation == 0.0
                ? null
                : new XAttribute("transform", $"rotate({SvgFormat.Coordinate(rotation)} {SvgFormat.Coordinate(x)} {SvgFormat.Coordinate(y)})"),
            SvgFormat.CleanText(text));
    }
}
