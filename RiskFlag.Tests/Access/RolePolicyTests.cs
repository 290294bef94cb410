using System.Net;

using RiskFlag.Tests.Monitoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>What each role may reach: officer scores; analyst also batches and reads decisions; operator also runs the models; auditor reads decisions only; admin everything.</summary>
public sealed class RolePolicyTests(ServedSite site) : IClassFixture<ServedSite>
{
    public static TheoryData<string, string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, string, bool>();
        void Add(string method, string path, params string[] allowed)
        {
            foreach (var role in RiskRoles.All)
            {
                data.Add(role, method, path, allowed.Contains(role) || role == RiskRoles.Admin);
            }
        }

        Add("GET", "/", RiskRoles.Officer, RiskRoles.Analyst, RiskRoles.Operator);
        Add("POST", "/api/predict", RiskRoles.Officer, RiskRoles.Analyst, RiskRoles.Operator);
        Add("GET", "/Batch", RiskRoles.Analyst, RiskRoles.Operator);
        Add("POST", "/api/predict/batch", RiskRoles.Analyst, RiskRoles.Operator);
        Add("GET", "/Decisions", RiskRoles.Analyst, RiskRoles.Auditor, RiskRoles.Operator);
        Add("GET", "/decisions/export.csv", RiskRoles.Analyst, RiskRoles.Auditor, RiskRoles.Operator);
        Add("GET", "/Models", RiskRoles.Operator);
        Add("GET", "/Runs", RiskRoles.Operator);
        Add("POST", "/api/model/reload", RiskRoles.Operator);
        Add("GET", "/metrics", RiskRoles.Operator);
        Add("GET", "/Model", RiskRoles.Officer, RiskRoles.Analyst, RiskRoles.Operator, RiskRoles.Auditor);
        Add("GET", "/api/model", RiskRoles.Officer, RiskRoles.Analyst, RiskRoles.Operator, RiskRoles.Auditor);
        Add("GET", "/openapi/v1.json", RiskRoles.Officer, RiskRoles.Analyst, RiskRoles.Operator, RiskRoles.Auditor);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_what_its_policy_allows_and_nothing_else(string role, string method, string path, bool allowed)
    {
        using var client = site.Factory.CreateClient(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST" && path.StartsWith("/api/predict", StringComparison.Ordinal))
        {
            request.Content = path.EndsWith("batch", StringComparison.Ordinal)
                ? new StringContent(ApplicantPayloads.Csv(ApplicantPayloads.TrainingLike(seed: 3, count: 2)), System.Text.Encoding.UTF8, "text/csv")
                : ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 3, count: 1)[0]);
        }

        using var response = await client.SendAsync(request);

        if (allowed)
        {
            Assert.True(response.IsSuccessStatusCode, $"{role} {method} {path}: {(int)response.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(RiskRoles.Officer, "Predict", "Decisions")]
    [InlineData(RiskRoles.Auditor, "Decisions", "Batch")]
    [InlineData(RiskRoles.Operator, "Models", "Users")]
    [InlineData(RiskRoles.Admin, "Users", "Sign in")]
    public async Task The_navigation_shows_only_what_the_role_may_open(string role, string shown, string hidden)
    {
        using var client = site.Factory.CreateClient(role);

        var html = await client.GetStringAsync("/Model");

        Assert.Contains($">{shown}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($">{hidden}</a>", html, StringComparison.Ordinal);
        Assert.Contains(RiskFlagWebFactory.EmailOf(role), html, StringComparison.Ordinal);
    }
}
