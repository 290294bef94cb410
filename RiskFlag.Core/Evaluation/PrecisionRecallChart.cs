namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Precision-recall curve against the no-skill baseline: flagging at random yields precision equal to the base
/// rate at every recall, which is the level a credit model with rare defaults must beat.
/// </summary>
internal static class PrecisionRecallChart
{
    public static string Render(IReadOnlyList<CurvePoint> precisionRecall, double averagePrecision, double baseRate, string title)
    {
        UnitSquarePlot plot = new(title, "Recall", "Precision");
        List<LegendEntry> legend = [new LegendEntry($"Model (AP = {SvgFormat.Metric(averagePrecision)})", ChartColors.Model)];
        if (double.IsFinite(baseRate))
        {
            double level = Math.Clamp(baseRate, 0.0, 1.0);
            plot.AddLine([new CurvePoint(0.0, level), new CurvePoint(1.0, level)], ChartColors.Reference, 1.5, ChartColors.ReferenceDash);
            legend.Add(new LegendEntry($"Baseline (base rate = {SvgFormat.Metric(baseRate)})", ChartColors.Reference, ChartColors.ReferenceDash));
        }

        plot.AddSteps(precisionRecall, ChartColors.Model);
        plot.AddLegend(legend);
        return plot.ToSvg();
    }
}
