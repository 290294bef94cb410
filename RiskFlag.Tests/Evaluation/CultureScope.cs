using System.Globalization;

namespace RiskFlag.Tests.Evaluation;

/// <summary>Runs code under a culture that writes decimals with a comma, restoring the previous culture on dispose.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _previous;

    private CultureScope(CultureInfo culture)
    {
        _previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
    }

    public static CultureScope CommaDecimal()
    {
        return new CultureScope(CommaDecimalCulture());
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _previous;
    }

    // The projects build with InvariantGlobalization, where de-DE is unavailable or carries invariant number
    // formats; a modified clone then stands in for it so the test still exercises a comma decimal mark.
    private static CultureInfo CommaDecimalCulture()
    {
        try
        {
            CultureInfo german = CultureInfo.GetCultureInfo("de-DE");
            if (german.NumberFormat.NumberDecimalSeparator == ",")
            {
                return german;
            }
        }
        catch (CultureNotFoundException)
        {
        }

        CultureInfo standIn = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        standIn.NumberFormat.NumberDecimalSeparator = ",";
        standIn.NumberFormat.NumberGroupSeparator = ".";
        standIn.NumberFormat.PercentDecimalSeparator = ",";
        standIn.NumberFormat.PercentGroupSeparator = ".";
        return standIn;
    }
}
