using System.Xml.Linq;

using RiskFlag.Core.Evaluation;
using RiskFlag.Tests.Evaluation;
using RiskFlag.Training.Plots;

namespace RiskFlag.Tests.Plots;

/// <summary>The ScottPlot training plots: each is drawn as SVG and PNG, and prints the numbers the evaluator computed.</summary>
public sealed class TrainingPlotsTests
{
    private static readonly (float[] Scores, float[] Labels) Data = ClassifierSamples.Random(4_000, seed: 11, signal: 1.2, positiveRate: 0.2);
    private static readonly BinaryMetrics Grouped = BinaryClassificationEvaluator.Evaluate(Data.Scores, Data.Labels, [], threshold: 0.4);
    private static readonly (float[] Scores, float[] Labels) RandomSplit = ClassifierSamples.Random(4_000, seed: 12, signal: 2.0, positiveRate: 0.2);
    private static readonly BinaryMetrics Random = BinaryClassificationEvaluator.Evaluate(RandomSplit.Scores, RandomSplit.Labels, [], threshold: 0.5);
    private static readonly Lazy<RenderedPlots> Drawn = new(() => TrainingPlots.Draw(Data.Scores, Data.Labels, [], Grouped, Random));

    [Fact]
    public void Every_plot_is_drawn_as_an_svg_that_parses_and_a_png_of_the_same_size()
    {
        var plots = Drawn.Value;

        Assert.Equal(TrainingPlots.Names.Select(n => n + ".svg").Order(), plots.Keys.Order());
        Assert.Equal(TrainingPlots.Names.Select(n => n + ".png").Order(), plots.Png.Keys.Order());
        foreach (var name in TrainingPlots.Names)
        {
            var root = XDocument.Parse(plots[name + ".svg"]).Root!;
            Assert.Equal(PlotFiles.Svg + "svg", root.Name);
            Assert.Equal("560", (string?)root.Attribute("width"));
            Assert.Equal((560, 440), PlotFiles.PngSize(plots.Png[name + ".png"]));
            // Self-contained: the pages' content security policy lets an image load nothing else.
            Assert.DoesNotContain("href=\"http", plots[name + ".svg"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_roc_plot_prints_the_auc_the_evaluator_computed()
    {
        var texts = PlotFiles.SvgTexts(Drawn.Value["roc.svg"]);

        Assert.Contains($"Model (AUC = {Grouped.RocAuc:0.000})", texts);
        Assert.Contains("Random (AUC = 0.500)", texts);
        Assert.Contains("ROC — unseen applicants (grouped validation)", texts);
        Assert.Contains("False positive rate", texts);
    }

    [Fact]
    public void The_precision_recall_plot_prints_the_average_precision_and_the_share_of_positives()
    {
        var texts = PlotFiles.SvgTexts(Drawn.Value["pr.svg"]);

        Assert.Contains($"Model (AP = {Grouped.PrAuc:0.000})", texts);
        Assert.Contains($"No skill (precision = {Grouped.Positives / Grouped.Rows:0.000})", texts);
    }

    [Fact]
    public void The_confusion_matrix_prints_each_cell_count_and_its_share_of_the_actual_class()
    {
        var text = string.Join('\n', PlotFiles.SvgTexts(Drawn.Value["confusion.svg"]));
        var matrix = Grouped.Confusion;

        foreach (var (name, count, total) in new[]
        {
            ("TN", matrix.TrueNegatives, matrix.ActualNegatives), ("FP", matrix.FalsePositives, matrix.ActualNegatives),
            ("FN", matrix.FalseNegatives, matrix.ActualPositives), ("TP", matrix.TruePositives, matrix.ActualPositives),
        })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
            Assert.Contains(PlotText.Count(count), text, StringComparison.Ordinal);
            Assert.Contains(PlotText.Percent(count / total), text, StringComparison.Ordinal);
        }

        Assert.Contains($"flag when p >= 0.400, {PlotText.Count(matrix.Total)} rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_score_distribution_names_each_class_with_its_rows_and_the_threshold()
    {
        var texts = PlotFiles.SvgTexts(Drawn.Value["scores.svg"]);

        Assert.Contains($"Repaid (label 0, {PlotText.Count(Grouped.Rows - Grouped.Positives)} rows)", texts);
        Assert.Contains($"Defaulted (label 1, {PlotText.Count(Grouped.Positives)} rows)", texts);
        Assert.Contains("Threshold (0.400)", texts);
    }

    [Fact]
    public void The_split_comparison_prints_both_splits_metrics()
    {
        var texts = PlotFiles.SvgTexts(Drawn.Value["comparison.svg"]);

        foreach (var metrics in new[] { Grouped, Random })
        {
            Assert.Contains(PlotText.Metric(metrics.RocAuc), texts);
            Assert.Contains(PlotText.Metric(metrics.F1), texts);
        }

        Assert.NotEqual(PlotText.Metric(Grouped.RocAuc), PlotText.Metric(Random.RocAuc));
        Assert.Contains("Grouped split (unseen applicants)", texts);
        Assert.Contains("Random row split", texts);
    }

    [Fact]
    public void The_calibration_plot_has_one_marker_per_bin()
    {
        var curves = BinaryClassificationEvaluator.Curves(Data.Scores, Data.Labels, []);
        var svg = XDocument.Parse(Drawn.Value["calibration.svg"]);

        Assert.Contains("Perfectly calibrated", PlotFiles.SvgTexts(Drawn.Value["calibration.svg"]));
        Assert.True(svg.Descendants(PlotFiles.Svg + "ellipse").Count() >= curves.Calibration.Count, "fewer markers than calibration bins");
    }

    [Fact]
    public void Plots_read_the_same_under_a_culture_with_a_decimal_comma()
    {
        RenderedPlots plots;
        using (CultureScope.CommaDecimal())
        {
            plots = TrainingPlots.Draw(Data.Scores, Data.Labels, [], Grouped, Random);
        }

        var ticks = PlotFiles.SvgTexts(plots["roc.svg"]);
        Assert.Contains("0.5", ticks);
        Assert.DoesNotContain(ticks, t => t.Contains("0,5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_validation_set_with_one_class_still_draws_every_plot()
    {
        float[] scores = [0.1f, 0.2f, 0.7f];
        float[] labels = [0f, 0f, 0f];
        var metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, [], 0.5);

        var plots = TrainingPlots.Draw(scores, labels, [], metrics, metrics);

        Assert.Equal(TrainingPlots.Names.Count, plots.Count);
        Assert.Contains("Model (AUC = n/a)", PlotFiles.SvgTexts(plots["roc.svg"]));
    }
}
