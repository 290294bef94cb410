namespace RiskFlag.Core.Evaluation;

/// <summary>ROC curve against the diagonal a random classifier would trace.</summary>
internal static class RocChart
{
    public static string Render(IReadOnlyList<CurvePoint> roc, double auc, string title)
    {
        UnitSquarePlot plot = new(title, "False positive rate", "True positive rate");
        plot.AddLine([new CurvePoint(0.0, 0.0), new CurvePoint(1.0, 1.0)], ChartColors.Reference, 1.5, ChartColors.ReferenceDash);
        plot.AddLine(roc, ChartColors.Model);
        plot.AddLegend(
        [
            new LegendEntry($"Model (AUC = {SvgFormat.Metric(auc)})", ChartColors.Model),
            new LegendEntry("Random (AUC = 0.5)", ChartColors.Reference, ChartColors.ReferenceDash),
        ]);
        return plot.ToSvg();
    }
}
