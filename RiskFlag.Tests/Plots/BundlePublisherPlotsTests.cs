using RiskFlag.Core.Bundle;
using RiskFlag.Tests.Training;
using RiskFlag.Training.Commands;
using RiskFlag.Training.Plots;

namespace RiskFlag.Tests.Plots;

/// <summary>The per-version copy of a trained model has every plot as SVG (as in the bundle) and as PNG.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class BundlePublisherPlotsTests(TrainedModelFixture fixture)
{
    [Fact]
    public void A_freshly_trained_bundle_is_published_with_svg_and_png_plots()
    {
        var artifacts = Directory.CreateTempSubdirectory("riskflag-publish-").FullName;
        try
        {
            var paths = BundlePublisher.Publish(fixture.Model, artifacts);

            var plots = Path.Combine(paths.VersionDirectory, "plots");
            foreach (var name in TrainingPlots.Names)
            {
                var svg = File.ReadAllText(Path.Combine(plots, name + ".svg"));
                Assert.Equal(fixture.Bundle.Plots[name + ".svg"], svg);
                Assert.NotEmpty(PlotFiles.SvgTexts(svg));
                Assert.Equal((560, 440), PlotFiles.PngSize(File.ReadAllBytes(Path.Combine(plots, name + ".png"))));
            }

            var roc = PlotFiles.SvgTexts(File.ReadAllText(Path.Combine(plots, "roc.svg")));
            Assert.Contains($"Model (AUC = {PlotText.Metric(fixture.Bundle.Metrics.Grouped.RocAuc)})", roc);
            // The bundle file itself keeps SVG only: the site shows those, and the PNGs stay in the artifacts folder.
            Assert.All(ModelZip.ReadBundle(paths.BundlePath).Plots.Keys, name => Assert.EndsWith(".svg", name, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }

    [Fact]
    public void A_bundle_read_back_from_its_file_is_published_with_its_svg_plots_only()
    {
        var artifacts = Directory.CreateTempSubdirectory("riskflag-publish-").FullName;
        try
        {
            var paths = BundlePublisher.Publish(fixture.Model with { Bundle = ModelZip.ReadBundle(fixture.BundlePath) }, artifacts);

            var files = Directory.GetFiles(Path.Combine(paths.VersionDirectory, "plots")).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(TrainingPlots.Names.Select(n => n + ".svg").Order(), files);
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
