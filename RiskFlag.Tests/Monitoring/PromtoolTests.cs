using System.Text.RegularExpressions;

namespace RiskFlag.Tests.Monitoring;

/// <summary>Prometheus's own tool judges the exposition and the alerting rules.</summary>
public sealed partial class PromtoolTests
{
    [Fact]
    public async Task Promtool_accepts_the_metrics_of_a_running_site_that_has_served_traffic()
    {
        using var site = new KestrelSite(new Dictionary<string, string?> { ["Monitoring:DriftWindow"] = "200" });
        await SiteTraffic.RoundAsync(site.Client, round: 1, shiftedBatchRows: 200);

        var metrics = await site.Client.GetStringAsync("/metrics");
        var check = await ExternalTool.RunAsync(ExternalTool.Promtool, ["check", "metrics"], input: metrics);

        // promtool prints nothing and exits 0 when both the format and its naming lint pass.
        Assert.True(check.ExitCode == 0, $"promtool check metrics: {check}");
        Assert.Equal(string.Empty, (check.Output + check.Error).Trim());
        // Only a real socket has Kestrel's metrics; they must pass too.
        Assert.Contains("kestrel_active_connections", metrics, StringComparison.Ordinal);
        foreach (var family in new[] { "riskflag_predictions_total", "riskflag_input_drift_psi", "riskflag_batch_rows_rejected_total", "http_server_request_duration_seconds", "dotnet_process_cpu_time_seconds_total" })
        {
            Assert.Contains($"# TYPE {family} ", metrics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Promtool_accepts_the_alert_rules_and_the_scrape_config()
    {
        var rules = await ExternalTool.RunAsync(ExternalTool.Promtool, ["check", "rules", RepositoryFiles.AlertRules]);
        Assert.True(rules.ExitCode == 0, $"promtool check rules: {rules}");
        Assert.Contains($"SUCCESS: {AlertNames().Count} rules found", rules.Output, StringComparison.Ordinal);

        // Syntax only: the scrape token's credentials_file is a secret that exists in the running container alone.
        var config = await ExternalTool.RunAsync(ExternalTool.Promtool, ["check", "config", "--syntax-only", RepositoryFiles.PrometheusConfig]);
        Assert.True(config.ExitCode == 0, $"promtool check config: {config}");
    }

    [Fact]
    public async Task Every_alert_fires_on_a_synthetic_series_and_stays_quiet_on_a_healthy_one()
    {
        var run = await ExternalTool.RunAsync(ExternalTool.Promtool, ["test", "rules", RepositoryFiles.AlertRuleTests]);

        Assert.True(run.ExitCode == 0, $"promtool test rules: {run}");
        Assert.Contains("SUCCESS", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rule_tests_cover_every_alert_both_ways()
    {
        var firing = new HashSet<string>(StringComparer.Ordinal);
        var quiet = new HashSet<string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(RepositoryFiles.AlertRuleTests);
        for (var i = 0; i < lines.Length; i++)
        {
            var name = AlertNameLine().Match(lines[i]);
            if (name.Success)
            {
                var expectation = lines[i + 1].Trim();
                (expectation == "exp_alerts: []" ? quiet : firing).Add(name.Groups[1].Value);
            }
        }

        foreach (var alert in AlertNames())
        {
            Assert.True(firing.Contains(alert), $"alerts_test.yml never expects {alert} to fire");
            Assert.True(quiet.Contains(alert), $"alerts_test.yml never expects {alert} to stay quiet");
        }
    }

    public static IReadOnlyList<string> AlertNames() =>
        [.. File.ReadAllLines(RepositoryFiles.AlertRules).Select(l => AlertRuleLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^\s*- alert:\s*(\S+)")]
    private static partial Regex AlertRuleLine();

    [GeneratedRegex(@"^\s*alertname:\s*(\S+)")]
    private static partial Regex AlertNameLine();
}
