namespace RiskFlag.Tests.Monitoring;

/// <summary>Files of the repository the tests check as they are checked in (ops/, the dashboard).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string AlertRules => Path.Combine(Root, "ops", "prometheus", "alerts.yml");

    public static string AlertRuleTests => Path.Combine(Root, "ops", "prometheus", "alerts_test.yml");

    public static string PrometheusConfig => Path.Combine(Root, "ops", "prometheus", "prometheus.yml");

    public static string Dashboard => Path.Combine(Root, "ops", "grafana", "dashboards", "risk-flag.json");

    public static string GrafanaDataSources => Path.Combine(Root, "ops", "grafana", "provisioning", "datasources", "prometheus.yml");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RiskFlag.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no RiskFlag.sln above {AppContext.BaseDirectory}");
    }
}
