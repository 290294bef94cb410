using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Scoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Decisions;
using RiskFlag.Web.Monitoring;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>Every channel (API, form, batch) logs each decision it serves with the fields a lender must show later.</summary>
public sealed class DecisionChannelTests
{
    private const string Header = "Id,Income,Age,Experience,Married/Single,House_Ownership,Car_Ownership,Profession,CITY,STATE,CURRENT_JOB_YRS,CURRENT_HOUSE_YRS";

    private static readonly RiskScorer Scorer = new RiskScorer(TrainedBundles.Shared.Primary.ToRiskModel());

    [Fact]
    public async Task ASingleApiPredictionIsLoggedWithItsRequestId()
    {
        using var site = new DecisionSite();
        var client = site.Factory.CreateClient();

        var request = Applicants.ToJson(Applicants.Valid(seed: 3));
        request["id"] = "A-1007";
        var response = await client.PostAsJsonAsync("/api/predict", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        var decision = Assert.Single(await site.DecisionsAsync(1));
        // The answer names its decision: a version 7 id whose time is the decision's, and the applicant's own Id is kept.
        Assert.Equal(Guid.Parse((string)body!["decision_id"]!), decision.DecisionId);
        Assert.Equal(7, decision.DecisionId.Version);
        Assert.Equal(decision.DecidedAt, DecisionIds.TimeOf(decision.DecisionId));
        Assert.Equal("A-1007", decision.ApplicantId);
        Assert.Equal(ScoringChannel.Api.TagValue(), decision.Channel);
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, decision.ModelVersion);
        Assert.Equal((double)body["risk_probability"]!, decision.Probability, 12);
        Assert.Equal((int)body["risk_flag"]! == 1, decision.Flag);
        Assert.Equal((double)body["threshold"]!, decision.Threshold);
        Assert.Equal(1_303_834 + (3 * 7_919), decision.Applicant.Income);
        Assert.Equal("Bhubaneswar", decision.Applicant.City);
        Assert.NotEmpty(decision.RequestId);
        Assert.DoesNotContain('/', decision.RequestId);
        var firstFactor = body["top_factors"]!.AsArray()[0]!;
        Assert.StartsWith((string)firstFactor["description"]! + ": ", decision.TopFactors, StringComparison.Ordinal);
        Assert.True((DateTimeOffset.UtcNow - decision.DecidedAt).Duration() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task EachApplicantOfAnArrayIsLoggedWithItsIndex()
    {
        using var site = new DecisionSite();
        var client = site.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/predict", new JsonArray(
            Applicants.ToJson(Applicants.Valid(seed: 1)), Applicants.ToJson(Applicants.Valid(seed: 2)), Applicants.ToJson(Applicants.Valid(seed: 3))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var decisions = await site.DecisionsAsync(3);
        var ids = decisions.Select(d => d.RequestId).Order(StringComparer.Ordinal).ToList();
        var prefix = ids[0][..ids[0].LastIndexOf('/')];
        Assert.Equal([$"{prefix}/0", $"{prefix}/1", $"{prefix}/2"], ids);
        var answers = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        for (var i = 0; i < 3; i++)
        {
            var decision = decisions.Single(d => d.RequestId == $"{prefix}/{i}");
            Assert.Equal(Guid.Parse((string)answers[i]!["decision_id"]!), decision.DecisionId);
        }

        Assert.Equal(3, decisions.Select(d => d.DecisionId).Distinct().Count());
        Assert.All(decisions, d => Assert.Equal(ScoringChannel.Api.TagValue(), d.Channel));
    }

    [Fact]
    public async Task TheFormLogsItsDecisionWithTheExactFactorsItShows()
    {
        using var site = new DecisionSite();
        var session = new PageSession(site.Factory.CreateClient());
        var applicant = Applicants.Valid(seed: 2);

        var (status, html) = await session.PostFormAsync("/", applicant);
        Assert.Equal(HttpStatusCode.OK, status);

        var decision = Assert.Single(await site.DecisionsAsync(1));
        Assert.Equal(ScoringChannel.Form.TagValue(), decision.Channel);
        var expected = Scorer.Score(decision.Applicant);
        Assert.Equal(expected.Probability, decision.Probability, 12);
        Assert.Equal(string.Join("; ", expected.TopFactors), decision.TopFactors);
        Assert.Contains(expected.TopFactors[0].Description, html, StringComparison.Ordinal);
        Assert.Equal(decision.DecisionId.ToString(), PageSession.TextOf(html, "dd", "decision-id"));
        Assert.Equal(string.Empty, decision.ApplicantId);
    }

    [Fact]
    public async Task EveryScoredBatchRowIsLoggedWithTheBatchAndLine()
    {
        using var site = new DecisionSite();
        var client = site.Factory.CreateClient();
        var csv = $"{Header}\n1,100000,30,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4\n2,abc,30,5,single,rented,no,Chef,Rewa,Madhya_Pradesh,2,4\n3,250000,45,9,married,owned,yes,Chef,Rewa,Madhya_Pradesh,2,4\n";

        var response = await client.PostAsync("/api/predict/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var decisions = await site.DecisionsAsync(2);
        // Each scored row of the result names its logged decision; the rejected row has none.
        var header = output[0].Split(',');
        var idColumn = Array.IndexOf(header, "decision_id");
        Assert.Equal(decisions.Single(d => d.ApplicantId == "1").DecisionId.ToString(), output[1].Split(',')[idColumn]);
        Assert.Equal(string.Empty, output[2].Split(',')[idColumn]);
        Assert.Equal(decisions.Single(d => d.ApplicantId == "3").DecisionId.ToString(), output[3].Split(',')[idColumn]);
        await Task.Delay(200);
        Assert.Equal(2, await site.Store.CountAsync(new DecisionQuery()));
        Assert.All(decisions, d => Assert.Equal(ScoringChannel.Batch.TagValue(), d.Channel));
        var lines = decisions.Select(d => d.RequestId[(d.RequestId.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal);
        Assert.Equal(["2", "4"], lines);
        var batch = decisions.Select(d => d.RequestId[..d.RequestId.LastIndexOf('/')]).Distinct().Single();
        Assert.StartsWith("batch-", batch, StringComparison.Ordinal);
        var rich = decisions.Single(d => d.Applicant.Income == 250_000);
        Assert.Equal(Scorer.Score(rich.Applicant).Probability, rich.Probability, 12);
    }

    [Fact]
    public async Task NothingIsLoggedWhenDisabled()
    {
        using var site = new DecisionSite(new Dictionary<string, string?> { ["Decisions:Enabled"] = "false" });
        var client = site.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonObject>())!.ContainsKey("decision_id"));

        await Task.Delay(300);
        Assert.Equal(0, await site.Store.CountAsync(new DecisionQuery()));
        Assert.Equal(0, site.Writer.Pending);
    }
}
