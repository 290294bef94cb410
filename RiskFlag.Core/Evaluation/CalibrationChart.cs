namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Reliability diagram: observed rate against mean predicted probability per bin, with the diagonal a perfectly
/// calibrated model would lie on. Each dot's tooltip gives the bin's numbers and weight, since a bin backed by a
/// handful of rows can sit far from the diagonal by chance.
/// </summary>
internal static class CalibrationChart
{
    public static string Render(IReadOnlyList<CalibrationBin> bins, string title)
    {
        UnitSquarePlot plot = new(title, "Mean predicted probability", "Observed positive rate");
        plot.AddLine([new CurvePoint(0.0, 0.0), new CurvePoint(1.0, 1.0)], ChartColors.Reference, 1.5, ChartColors.ReferenceDash);
        CurvePoint[] points = [.. bins.Select(bin => new CurvePoint(bin.MeanPredicted, bin.ObservedRate))];
        plot.AddLine(points, ChartColors.Model);
        foreach (CalibrationBin bin in bins)
        {
            string tooltip = $"predicted {SvgFormat.Metric(bin.MeanPredicted)}, observed {SvgFormat.Metric(bin.ObservedRate)}, weight {SvgFormat.Count(bin.Weight)}";
            plot.AddMarker(new CurvePoint(bin.MeanPredicted, bin.ObservedRate), ChartColors.Model, tooltip);
        }

        plot.AddLegend(
        [
            new LegendEntry("Model", ChartColors.Model),
            new LegendEntry("Perfectly calibrated", ChartColors.Reference, ChartColors.ReferenceDash),
        ]);
        return plot.ToSvg();
    }
}
