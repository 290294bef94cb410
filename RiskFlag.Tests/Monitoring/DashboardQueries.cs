using System.Text.Json;
using System.Text.RegularExpressions;

namespace RiskFlag.Tests.Monitoring;

/// <summary>A PromQL query of the Grafana dashboard and where it comes from.</summary>
/// <param name="LabelOf">For a label_values() variable: the label each result must carry.</param>
public sealed record DashboardQuery(string Source, string Expression, string? LabelOf = null);

/// <summary>
/// Every PromQL expression in ops/grafana/dashboards/risk-flag.json: panel targets, annotations and template
/// variables, with Grafana's variables replaced as Grafana would for a short test run.
/// </summary>
public static partial class DashboardQueries
{
    /// <summary>
    /// Grafana makes $__rate_interval at least four scrape intervals. The test scrapes every second and queries right
    /// after a load of a few seconds, so a 30 s window holds the whole load; $__range stands for the dashboard's range.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Substitutions = new Dictionary<string, string>
    {
        ["$__rate_interval"] = "30s",
        ["$__range"] = "5m",
        ["$instance"] = ".*",
    };

    public static JsonElement Dashboard() => JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Dashboard)).RootElement;

    public static IReadOnlyList<DashboardQuery> All()
    {
        var dashboard = Dashboard();
        var queries = new List<DashboardQuery>();
        foreach (var panel in Panels(dashboard))
        {
            if (panel.TryGetProperty("targets", out var targets))
            {
                foreach (var target in targets.EnumerateArray())
                {
                    queries.Add(new DashboardQuery($"panel \"{panel.GetProperty("title").GetString()}\" target {target.GetProperty("refId").GetString()}", Substitute(target.GetProperty("expr").GetString()!)));
                }
            }
        }

        foreach (var annotation in dashboard.GetProperty("annotations").GetProperty("list").EnumerateArray())
        {
            if (annotation.TryGetProperty("expr", out var expr))
            {
                queries.Add(new DashboardQuery($"annotation \"{annotation.GetProperty("name").GetString()}\"", Substitute(expr.GetString()!)));
            }
        }

        foreach (var variable in dashboard.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            var query = variable.GetProperty("query");
            var text = query.ValueKind == JsonValueKind.Object ? query.GetProperty("query").GetString()! : query.GetString()!;
            var labelValues = LabelValuesCall().Match(text);
            Assert.True(labelValues.Success, $"variable {variable.GetProperty("name").GetString()}: only label_values(selector, label) queries are checked, not {text}");
            queries.Add(new DashboardQuery($"variable ${variable.GetProperty("name").GetString()}", Substitute(labelValues.Groups[1].Value), labelValues.Groups[2].Value));
        }

        return queries;
    }

    /// <summary>Panels, including those inside rows.</summary>
    public static IEnumerable<JsonElement> Panels(JsonElement dashboard)
    {
        foreach (var panel in dashboard.GetProperty("panels").EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var inner in nested.EnumerateArray())
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Substitute(string expression)
    {
        foreach (var (variable, value) in Substitutions)
        {
            expression = expression.Replace(variable, value, StringComparison.Ordinal);
        }

        Assert.False(expression.Contains('$', StringComparison.Ordinal), $"a variable the test does not know is left in {expression}");
        return expression;
    }

    [GeneratedRegex(@"^\s*label_values\((.+),\s*(\w+)\)\s*$")]
    private static partial Regex LabelValuesCall();
}
