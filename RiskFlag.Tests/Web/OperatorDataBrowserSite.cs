using RiskFlag.Core.Registry;
using RiskFlag.Core.Tracking;
using RiskFlag.Training.Pipeline;

namespace RiskFlag.Tests.Web;

/// <summary>
/// A <see cref="BrowserSite"/> whose operator pages have something to show: finished runs with every table metric and
/// full-length names, a failed run, and a registry with a champion and a challenger.
/// </summary>
public sealed class OperatorDataBrowserSite : BrowserSite
{
    public string FinishedRunId { get; private set; } = string.Empty;

    public string FailedRunId { get; private set; } = string.Empty;

    protected override void Seed(ModelDirectory model)
    {
        var store = new MlflowFileStore(Path.Combine(model.Path, "mlruns"));
        var experiment = store.EnsureExperiment(MlflowFileStore.DefaultExperiment);
        FinishedRunId = Record(store, experiment, "20261203-064728-38384a53", 0.6462);
        Record(store, experiment, "20261203-071502-9b1c2d3e", 0.6518);
        using (var failed = store.StartRun(experiment, "20261203-073011-5f6e7d8c", new Dictionary<string, string>()))
        {
            failed.Fail("5 of 54 rows (9.26 %) were rejected: see rejected-rows.csv in the run's artifacts");
            FailedRunId = failed.RunId;
        }

        var registry = ModelRegistry.Open(new RegistryOptions { Directory = Path.Combine(model.Path, "registry"), ServedBundlePath = model.BundlePath });
        var champion = registry.Register(Write(model, TrainedBundles.Shared.Primary, "champion.zip"), FinishedRunId, "ci");
        var challenger = registry.Register(Write(model, TrainedBundles.Shared.Secondary, "challenger.zip"), FinishedRunId, "ci");
        registry.SetAlias(RegistryOptions.ChampionAlias, champion.Version, "ci", "first release");
        registry.SetAlias(RegistryOptions.ChallengerAlias, challenger.Version, "ci", "retrained on November's applicants");
    }

    private static string Record(MlflowFileStore store, string experiment, string name, double auc)
    {
        using var run = store.StartRun(experiment, name, new Dictionary<string, string>());
        run.LogParam("boosting.max_depth", "6");
        run.LogParam("boosting.learning_rate", "0.05");
        run.LogMetric("grouped_roc_auc", auc);
        run.LogMetric("grouped_pr_auc", 0.2731);
        run.LogMetric("grouped_log_loss", 0.3342);
        run.LogMetric("grouped_brier", 0.1012);
        run.LogMetric("random_roc_auc", 0.9345);
        run.LogMetric("roc_auc_gap", 0.2883);
        run.LogMetric("threshold", 0.1849);
        run.LogMetric("best_iteration", 287);
        run.LogMetric("training_seconds", 4.27);
        run.LogMetric("data_rows", 252000);
        run.LogArtifactText("metrics.json", "{}");
        run.Finish();
        return run.RunId;
    }

    private static string Write(ModelDirectory model, TrainedModel bundle, string name)
    {
        var path = Path.Combine(model.Path, name);
        bundle.Write(path);
        return path;
    }
}

/// <summary>The operator pages with data in them, at desktop and phone width, under the same layout rules as every page.</summary>
[Trait("Category", "Browser")]
public sealed class PopulatedPageLayoutTests(OperatorDataBrowserSite site) : IClassFixture<OperatorDataBrowserSite>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_runs_models_and_run_pages_with_data_fit_the_window(int width)
    {
        await PageLayout.CheckAsync(site, "/Runs", width, "populated-runs");
        await PageLayout.CheckAsync(site, "/Models", width, "populated-models");
        await PageLayout.CheckAsync(site, $"/Runs/{site.FinishedRunId}", width, "populated-run-finished");
        await PageLayout.CheckAsync(site, $"/Runs/{site.FailedRunId}", width, "populated-run-failed");
    }
}
