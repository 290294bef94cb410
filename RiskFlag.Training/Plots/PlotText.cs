using System.Globalization;

namespace RiskFlag.Training.Plots;

/// <summary>Numbers as the plots print them, with '.' whatever the culture, so a plot reads the same wherever it was drawn.</summary>
public static class PlotText
{
    /// <summary>A metric in [0, 1] to three decimals ("0.873"); "n/a" when undefined (one class only).</summary>
    public static string Metric(double value) =>
        double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A weighted count: whole numbers with thousands separators ("12,345"), otherwise one decimal.</summary>
    public static string Count(double value) =>
        value.ToString(value == Math.Floor(value) ? "#,0" : "#,0.0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with one decimal ("12.5%"); "n/a" when undefined.</summary>
    public static string Percent(double share) =>
        double.IsFinite(share) ? (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
}
