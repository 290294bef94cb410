using System.Net;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Monitoring;

/// <summary>Reloads and the model gauges on sites of their own, since these tests change what is served.</summary>
public sealed class ModelMetricsTests
{
    private static readonly Dictionary<string, string?> WatcherQuiet = new()
    {
        ["Model:DebounceMilliseconds"] = "600000",
        ["Monitoring:DriftWindow"] = "100",
    };

    [Fact]
    public async Task Reloads_are_counted_by_result_and_a_rejected_bundle_keeps_the_old_version_on_show()
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var factory = new RiskFlagWebFactory(model, WatcherQuiet);
        var client = factory.CreateClient();
        var before = await MonitoredSite.ScrapeAsync(client);
        Assert.Equal(1, before.Sum("riskflag_model_reloads_total", ("result", "success")));
        Assert.Equal(0, before.Sum("riskflag_model_reloads_total", ("result", "failure")));

        Assert.Equal(HttpStatusCode.OK, (await ReloadAsync(client)).StatusCode);
        await File.WriteAllTextAsync(model.BundlePath, "not a bundle");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ReloadAsync(client)).StatusCode);
        File.Delete(model.BundlePath);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ReloadAsync(client)).StatusCode);

        var after = await MonitoredSite.ScrapeAsync(client);
        Assert.Equal(2, after.Sum("riskflag_model_reloads_total", ("result", "success")));
        Assert.Equal(1, after.Sum("riskflag_model_reloads_total", ("result", "failure")));
        Assert.Equal(1, after.Sum("riskflag_model_reloads_total", ("result", "missing")));
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, Assert.Single(after, s => s.Name == "riskflag_model_info").Label("version"));
        Assert.Equal(1, after.Sum("riskflag_model_ready"));
    }

    [Fact]
    public async Task A_new_model_shows_its_version_alone_and_starts_an_empty_drift_window()
    {
        var bundles = TrainedBundles.Shared;
        using var model = ModelDirectory.With(bundles.Primary);
        using var factory = new RiskFlagWebFactory(model, WatcherQuiet);
        var client = factory.CreateClient();
        await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(11, 20)));
        Assert.Equal(20, (await MonitoredSite.ScrapeAsync(client)).Sum("riskflag_input_drift_applicants"));

        model.Publish(bundles.Secondary);
        Assert.Equal(HttpStatusCode.OK, (await ReloadAsync(client)).StatusCode);

        var swapped = await MonitoredSite.ScrapeAsync(client);
        Assert.Equal(bundles.Secondary.Manifest.Version, Assert.Single(swapped, s => s.Name == "riskflag_model_info").Label("version"));
        Assert.Equal(0, swapped.Sum("riskflag_input_drift_applicants"));
        Assert.DoesNotContain(swapped, s => s.Name == "riskflag_input_drift_psi");
        Assert.DoesNotContain(swapped, s => s.Name == "riskflag_flagged_share_ratio" && s.Label("population") == "live");

        await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(12, 7)));
        Assert.Equal(7, (await MonitoredSite.ScrapeAsync(client)).Sum("riskflag_input_drift_applicants"));
    }

    [Fact]
    public async Task A_site_without_a_model_says_so()
    {
        using var model = new ModelDirectory();
        using var factory = new RiskFlagWebFactory(model, WatcherQuiet);
        var client = factory.CreateClient();

        var samples = await MonitoredSite.ScrapeAsync(client);

        Assert.Equal(0, Assert.Single(samples, s => s.Name == "riskflag_model_ready").Value);
        Assert.DoesNotContain(samples, s => s.Name == "riskflag_model_info");
        Assert.Equal(1, samples.Sum("riskflag_model_reloads_total", ("result", "missing")));
    }

    [Fact]
    public async Task Each_site_in_a_process_exports_only_its_own_measurements()
    {
        using var first = new MonitoredSite();
        using var second = new MonitoredSite();
        var firstClient = first.CreateClient();
        var secondClient = second.CreateClient();

        await firstClient.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(13, 9)));

        Assert.Equal(9, (await MonitoredSite.ScrapeAsync(firstClient)).Sum("riskflag_predictions_total"));
        Assert.Equal(0, (await MonitoredSite.ScrapeAsync(secondClient)).Sum("riskflag_predictions_total"));
    }

    [Fact]
    public async Task With_monitoring_off_there_is_no_metrics_endpoint_and_scoring_works_the_same()
    {
        using var off = new UnmonitoredSite();
        using var on = new MonitoredSite();
        var applicant = ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(14, 1)[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await off.CreateClient().GetAsync("/metrics")).StatusCode);
        var unmonitored = await (await off.CreateClient().PostAsync("/api/predict", applicant)).Content.ReadAsStringAsync();
        var monitored = await (await on.CreateClient().PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(14, 1)[0]))).Content.ReadAsStringAsync();
        Assert.Equal(DecisionIdText.WithoutInJson(monitored), DecisionIdText.WithoutInJson(unmonitored));
    }

    private static Task<HttpResponseMessage> ReloadAsync(HttpClient client) => client.PostAsync("/api/model/reload", null);
}
