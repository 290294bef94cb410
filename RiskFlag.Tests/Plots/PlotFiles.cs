using System.Buffers.Binary;
using System.Xml.Linq;

namespace RiskFlag.Tests.Plots;

/// <summary>Reads back what the plots wrote: the SVG's text, the PNG's header.</summary>
public static class PlotFiles
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Parses the SVG (throws if it is not XML) and returns its text elements, trimmed.</summary>
    public static IReadOnlyList<string> SvgTexts(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        return [.. root.Descendants(Svg + "text").Select(t => t.Value.Trim())];
    }

    /// <returns>Width and height from the IHDR chunk, after checking the signature.</returns>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 33 && png.AsSpan(0, 8).SequenceEqual(PngSignature), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
