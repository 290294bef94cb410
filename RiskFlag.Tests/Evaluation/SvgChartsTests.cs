using System.Xml.Linq;

using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class SvgChartsTests
{
    private static readonly XNamespace SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly string[] NumericAttributes = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "font-size", "stroke-width"];

    public static TheoryData<string> ChartNames => ["roc", "pr", "calibration", "confusion"];

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ChartIsStandaloneSvgWithTitle(string chart)
    {
        XDocument document = XDocument.Parse(Render(chart, "Validation 2024"));

        XElement root = document.Root!;
        Assert.Equal(SvgNamespace + "svg", root.Name);
        Assert.Equal("0 0 480 400", (string?)root.Attribute("viewBox"));
        Assert.Equal("480", (string?)root.Attribute("width"));
        Assert.Equal("400", (string?)root.Attribute("height"));
        Assert.Equal("Validation 2024", root.Element(SvgNamespace + "title")?.Value);
        Assert.Contains(root.Descendants(SvgNamespace + "text"), text => text.Value == "Validation 2024");
        Assert.DoesNotContain("href", document.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ChartEscapesMarkupInTitle(string chart)
    {
        const string title = "Q3 <draft> & \"final\" 'v2'";

        XDocument document = XDocument.Parse(Render(chart, title));

        Assert.Contains(document.Root!.Descendants(SvgNamespace + "text"), text => text.Value == title);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ChartDropsCharactersXmlCannotHold(string chart)
    {
        XDocument document = XDocument.Parse(Render(chart, "bad\u0001title"));

        Assert.Contains(document.Root!.Descendants(SvgNamespace + "text"), text => text.Value == "badtitle");
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void ChartWritesDecimalPointUnderCommaCulture(string chart)
    {
        string svg;
        using (CultureScope.CommaDecimal())
        {
            Assert.Equal("0,5", 0.5.ToString(System.Globalization.CultureInfo.CurrentCulture));
            svg = Render(chart, "Culture");
        }

        XElement root = XDocument.Parse(svg).Root!;
        foreach (XAttribute attribute in root.DescendantsAndSelf().Attributes().Where(attribute => NumericAttributes.Contains(attribute.Name.LocalName)))
        {
            Assert.True(double.TryParse(attribute.Value, System.Globalization.CultureInfo.InvariantCulture, out _), $"{attribute.Name}=\"{attribute.Value}\"");
        }

        Assert.DoesNotContain(root.Descendants().Attributes(), attribute => attribute.Name.LocalName is "d" or "viewBox" && attribute.Value.Contains(',', StringComparison.Ordinal));
        // Axis charts have tick "0.2"; the confusion chart has the fractional count 12.5.
        string expectedDecimal = chart == "confusion" ? "12.5" : "0.2";
        Assert.Contains(root.Descendants(SvgNamespace + "text"), text => text.Value == expectedDecimal);
    }

    [Fact]
    public void RocChartShowsAucInLegend()
    {
        string svg = SvgCharts.RocCurve([new(0, 0), new(0.1, 0.7), new(1, 1)], 0.87345, "ROC");

        Assert.Contains("AUC = 0.873", svg, StringComparison.Ordinal);
        Assert.Contains(XDocument.Parse(svg).Root!.Descendants(SvgNamespace + "text"), text => text.Value == "False positive rate");
    }

    [Fact]
    public void PrecisionRecallChartDrawsBaselineAtBaseRate()
    {
        string svg = SvgCharts.PrecisionRecallCurve([new(0, 1), new(0.5, 0.8), new(1, 0.25)], 0.7, 0.25, "PR");

        Assert.Contains("AP = 0.700", svg, StringComparison.Ordinal);
        Assert.Contains("base rate = 0.250", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfusionChartShowsCountsAndRowPercent()
    {
        string svg = SvgCharts.ConfusionMatrixChart(new ConfusionMatrix(TruePositives: 30, FalsePositives: 20, TrueNegatives: 80, FalseNegatives: 10.5), 0.42, "Confusion");

        string[] texts = [.. XDocument.Parse(svg).Root!.Descendants(SvgNamespace + "text").Select(text => text.Value)];
        Assert.Contains("80", texts);
        Assert.Contains("80.0%", texts);
        Assert.Contains("10.5", texts);
        Assert.Contains("25.9%", texts);
        Assert.Contains(texts, text => text.Contains("0.420", StringComparison.Ordinal));
    }

    [Fact]
    public void UndefinedMetricsShowAsNotAvailable()
    {
        string roc = SvgCharts.RocCurve([], double.NaN, "Empty");
        string confusion = SvgCharts.ConfusionMatrixChart(new ConfusionMatrix(0, 0, 0, 0), double.NaN, "Empty");

        Assert.Contains("AUC = n/a", roc, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", roc, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", confusion, StringComparison.Ordinal);
        XDocument.Parse(confusion);
    }

    [Fact]
    public void FullResolutionCurveIsThinnedToSmallFile()
    {
        CurvePoint[] roc = [.. Enumerable.Range(0, 250_001).Select(i => new CurvePoint(i / 250_000.0, Math.Pow(i / 250_000.0, 0.3)))];

        string svg = SvgCharts.RocCurve(roc, 0.9, "Large");

        Assert.InRange(svg.Length, 1, 30_000);
        XElement curve = XDocument.Parse(svg).Root!.Descendants(SvgNamespace + "path").Last();
        Assert.InRange(curve.Attribute("d")!.Value.Count(c => c is 'M' or 'L'), 2, CurveDownsampler.DefaultMaxPoints);
    }

    [Fact]
    public void ChartsOfLargeEvaluationStaySmall()
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(250_000, seed: 41, signal: 0.8, decimals: 6, positiveRate: 0.12);
        EvaluationCurves curves = BinaryClassificationEvaluator.Curves(scores, labels, []);
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        string[] charts =
        [
            SvgCharts.RocCurve(curves.Roc, metrics.RocAuc, "ROC"),
            SvgCharts.PrecisionRecallCurve(curves.PrecisionRecall, metrics.PrAuc, metrics.Positives / metrics.Rows, "PR"),
            SvgCharts.CalibrationPlot(curves.Calibration, "Calibration"),
            SvgCharts.ConfusionMatrixChart(metrics.Confusion, metrics.Threshold, "Confusion"),
        ];

        Assert.All(charts, svg => Assert.InRange(svg.Length, 1, 30_000));
    }

    private static string Render(string chart, string title)
    {
        return chart switch
        {
            "roc" => SvgCharts.RocCurve([new(0, 0), new(0.2, 0.6), new(0.5, 0.85), new(1, 1)], 0.8123, title),
            "pr" => SvgCharts.PrecisionRecallCurve([new(0, 1), new(0.3, 0.9), new(0.7, 0.6), new(1, 0.3)], 0.7123, 0.3, title),
            "calibration" => SvgCharts.CalibrationPlot([new(0.05, 0.04, 1200), new(0.35, 0.41, 300.5), new(0.85, 0.8, 12)], title),
            "confusion" => SvgCharts.ConfusionMatrixChart(new ConfusionMatrix(12.5, 3, 140, 4.25), 0.375, title),
            _ => throw new ArgumentOutOfRangeException(nameof(chart), chart, "Unknown chart."),
        };
    }
}
