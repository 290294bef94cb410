using System.Text.Json;
using System.Text.RegularExpressions;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Monitoring;

/// <summary>The dashboard and the alert rules as files: wired to the provisioned data source, naming only metrics that exist.</summary>
public sealed partial class DashboardFileTests(MonitoredSite site) : IClassFixture<MonitoredSite>
{
    [Fact]
    public void Every_panel_queries_the_provisioned_prometheus_by_its_fixed_uid()
    {
        var uid = DataSourceUid().Match(File.ReadAllText(RepositoryFiles.GrafanaDataSources)).Groups[1].Value;
        Assert.Equal("riskflag-prometheus", uid);

        var dashboard = DashboardQueries.Dashboard();
        foreach (var panel in DashboardQueries.Panels(dashboard).Where(p => p.GetProperty("type").GetString() != "row"))
        {
            var title = panel.GetProperty("title").GetString();
            Assert.Equal(uid, panel.GetProperty("datasource").GetProperty("uid").GetString());
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.True(targets.Count > 0, $"panel {title} has no query");
            Assert.All(targets, t => Assert.Equal(uid, t.GetProperty("datasource").GetProperty("uid").GetString()));
        }

        Assert.All(dashboard.GetProperty("templating").GetProperty("list").EnumerateArray(), v => Assert.Equal(uid, v.GetProperty("datasource").GetProperty("uid").GetString()));
    }

    [Fact]
    public void Panels_have_unique_ids_and_fit_the_24_column_grid()
    {
        var panels = DashboardQueries.Panels(DashboardQueries.Dashboard()).ToList();

        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels, p =>
        {
            var grid = p.GetProperty("gridPos");
            Assert.InRange(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32(), 1, 24);
        });
    }

    [Fact]
    public void The_psi_panel_marks_the_moderate_and_significant_shift_bands()
    {
        var psi = DashboardQueries.Panels(DashboardQueries.Dashboard())
            .Single(p => p.TryGetProperty("targets", out var t) && t.EnumerateArray().Any(x => x.GetProperty("expr").GetString()!.Contains("riskflag_input_drift_psi", StringComparison.Ordinal)));
        var defaults = psi.GetProperty("fieldConfig").GetProperty("defaults");
        var steps = defaults.GetProperty("thresholds").GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("value").ValueKind == JsonValueKind.Number).Select(s => s.GetProperty("value").GetDouble());

        Assert.Equal([0.1, 0.2], steps);
        Assert.Equal("line+area", defaults.GetProperty("custom").GetProperty("thresholdsStyle").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task The_dashboard_and_the_alerts_name_only_metrics_the_site_exposes()
    {
        var client = site.CreateClient();
        await SiteTrafficInProcess(client);
        var exposed = ExpositionSamples.Parse(await client.GetStringAsync("/metrics")).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        var referenced = MetricName().Matches(File.ReadAllText(RepositoryFiles.Dashboard) + File.ReadAllText(RepositoryFiles.AlertRules))
            .Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.True(exposed.Contains(name), $"{name} is referenced but /metrics has no such series"));
    }

    // Kestrel's metrics need a real socket; the dashboard uses none of them. Outcomes for the batch's decisions, two of
    // each kind, give the live performance series (published from MonitoredSite.MinimumOutcomes on, once recomputed).
    private static async Task SiteTrafficInProcess(HttpClient client)
    {
        await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(21, 3)));
        await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(22, 1)[0] with { City = "Nowhere", Age = 5 }));
        await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(23, 1)[0] with { City = "Nowhere" }));
        var batch = await client.PostAsync("/api/predict/batch", ApplicantPayloads.CsvBody(ApplicantPayloads.Csv(ApplicantPayloads.TrainingLike(24, 5), invalidAges: 1)));
        var scored = await batch.Content.ReadAsStringAsync();
        Assert.True(DecisionIdText.Count(scored) >= MonitoredSite.MinimumOutcomes, $"the batch logged {DecisionIdText.Count(scored)} decisions");
        (await client.PostAsync("/api/outcomes", ApplicantPayloads.CsvBody(DecisionIdText.AlternatingOutcomes(scored)))).EnsureSuccessStatusCode();
        await Eventually.AssertAsync(async () => (await client.GetStringAsync("/metrics")).Contains("riskflag_live_roc_auc{", StringComparison.Ordinal), "live AUC on /metrics");
    }

    [GeneratedRegex(@"uid:\s*(\S+)")]
    private static partial Regex DataSourceUid();

    [GeneratedRegex(@"\b(?:riskflag|http_server|dotnet|kestrel)_[a-z_]+\b")]
    private static partial Regex MetricName();
}
