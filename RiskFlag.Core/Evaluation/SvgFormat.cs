using System.Globalization;
using System.Text;
using System.Xml;

namespace RiskFlag.Core.Evaluation;

/// <summary>
/// How numbers and text are written into SVG. Always the invariant culture: SVG requires '.' as the decimal mark,
/// and a report rendered on a German machine must not turn coordinates into "12,5".
/// </summary>
internal static class SvgFormat
{
    /// <summary>Pixel coordinates; a hundredth of a pixel is below what any renderer shows.</summary>
    public static string Coordinate(double value)
    {
        return value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Axis tick values such as 0, 0.2, 1.</summary>
    public static string Tick(double value)
    {
        return value.ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>Metric values in legends; undefined metrics show as "n/a" rather than "NaN".</summary>
    public static string Metric(double value)
    {
        return double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
    }

    public static string Percent(double fraction)
    {
        return double.IsFinite(fraction) ? (fraction * 100.0).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
    }

    /// <summary>Weighted counts: whole numbers for unit weights, up to two decimals otherwise, no digit grouping.</summary>
    public static string Count(double value)
    {
        return value.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Drops characters XML 1.0 cannot represent at all (most control characters, lone surrogates); markup
    /// characters such as '&lt;' are left for the XML writer to escape.
    /// </summary>
    public static string CleanText(string text)
    {
        StringBuilder clean = new(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
        }

        return clean.ToString();
    }
}
