using System.Diagnostics;

namespace RiskFlag.Tests.Monitoring;

/// <summary>
/// The proof that the dashboard works: a real Prometheus scrapes the site while it serves a short load (normal and
/// drifted applicants, invalid input, a batch, a reload), then every query of every panel, annotation and variable
/// runs against Prometheus's HTTP API and must return data. A dashboard cannot reference a metric that does not exist.
/// </summary>
public sealed class DashboardQueriesTests
{
    private const int DriftWindow = 300;
    private static readonly TimeSpan LoadDuration = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Every_dashboard_query_returns_data_from_prometheus_scraping_a_loaded_site()
    {
        var queries = DashboardQueries.All();
        Assert.True(queries.Count >= 30, $"only {queries.Count} queries found in the dashboard");

        using var site = new KestrelSite(new Dictionary<string, string?> { ["Monitoring:DriftWindow"] = DriftWindow.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var prometheus = await PrometheusServer.StartAsync(site.Target);
        await prometheus.WaitUntilAsync(
            async () => (await prometheus.QueryAsync($"up{{job=\"{PrometheusServer.Job}\"}} == 1")).GetArrayLength() == 1,
            "the first successful scrape of the site", TimeSpan.FromSeconds(20));

        var load = Stopwatch.StartNew();
        for (var round = 0; round == 0 || load.Elapsed < LoadDuration; round++)
        {
            await SiteTraffic.RoundAsync(site.Client, round, shiftedBatchRows: DriftWindow);
        }

        // The last round reloaded the model (a fresh, empty window) and ended with a drifted batch filling it; wait for
        // a scrape that saw the window full. One taken while the batch was still being scored can already show income
        // drift, but over a window of a few dozen rows, where any input's PSI is noise.
        await prometheus.WaitUntilAsync(
            async () => (await prometheus.QueryAsync($"riskflag_input_drift_applicants >= {DriftWindow}")).GetArrayLength() == 1
                && (await prometheus.QueryAsync("riskflag_input_drift_psi{feature=\"income\"} > 0.2")).GetArrayLength() == 1,
            "the drifted batch to fill the window and show as income PSI above 0.2", TimeSpan.FromSeconds(15));

        var empty = new List<string>();
        foreach (var query in queries)
        {
            var result = await prometheus.QueryAsync(query.Expression);
            if (result.GetArrayLength() == 0)
            {
                empty.Add($"{query.Source}: {query.Expression}");
            }
            else if (query.LabelOf is { } label)
            {
                Assert.All(result.EnumerateArray(), r => Assert.True(r.GetProperty("metric").TryGetProperty(label, out _), $"{query.Source}: a result without {label}"));
            }
        }

        Assert.True(empty.Count == 0, $"{empty.Count} of {queries.Count} dashboard queries returned no data:\n{string.Join('\n', empty)}");

        var age = await prometheus.QueryAsync("riskflag_input_drift_psi{feature=\"age\"}");
        Assert.True(
            PrometheusServer.ValueOf(age[0]) < 0.2,
            $"the drifted batch only made applicants poorer, yet age drifted too: {age}; window {await prometheus.QueryAsync("riskflag_input_drift_applicants")}; all {await prometheus.QueryAsync("riskflag_input_drift_psi")}");
        await AssertRulesEvaluateAsync(prometheus);
    }

    /// <summary>Prometheus loaded every alert rule and evaluates each against the live series without error.</summary>
    private static async Task AssertRulesEvaluateAsync(PrometheusServer prometheus)
    {
        var rules = (await prometheus.RulesAsync()).EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();

        Assert.Equal(PromtoolTests.AlertNames().Order(), rules.Select(r => r.GetProperty("name").GetString()!).Order());
        Assert.All(rules, r => Assert.True(r.GetProperty("health").GetString() == "ok", $"{r.GetProperty("name")}: {r}"));

        // The drifted window is real drift: the rule's condition holds, so the alert is pending (it fires after 10 minutes).
        await prometheus.WaitUntilAsync(
            async () => (await prometheus.RulesAsync()).EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray())
                .Single(r => r.GetProperty("name").GetString() == "RiskFlagInputDrift").GetProperty("state").GetString() == "pending",
            "RiskFlagInputDrift to be pending on the drifted window", TimeSpan.FromSeconds(10));
    }
}
