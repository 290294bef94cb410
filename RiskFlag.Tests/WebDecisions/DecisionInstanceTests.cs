using System.Net.Http.Json;
using System.Text.Json;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Decisions;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>A site named by Decisions:Instance.</summary>
public sealed class NamedInstanceSite() : ServedSite(TrainedBundles.Shared.Primary, new Dictionary<string, string?> { ["Decisions:Instance"] = "site-b:8081" });

public sealed class DecisionInstanceTests(NamedInstanceSite site) : IClassFixture<NamedInstanceSite>
{
    [Fact]
    public async Task Each_decision_is_marked_with_the_instance_that_made_it()
    {
        var client = site.CreateClient();
        var answer = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(3)))).Content.ReadAsStringAsync()).RootElement;
        var id = answer.GetProperty("decision_id").GetString()!;

        var line = (await client.GetStringAsync("/decisions/export.csv")).Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal));

        Assert.Equal("site-b:8081", line.Split(',')[Array.IndexOf(DecisionCsvEndpoint.Header, "instance")]);
    }

    [Fact]
    public void Without_a_name_an_instance_is_its_host()
    {
        Assert.Equal(Environment.MachineName, new DecisionOptions().InstanceName);
        Assert.Equal("a", new DecisionOptions { Instance = " a " }.InstanceName);
    }
}
