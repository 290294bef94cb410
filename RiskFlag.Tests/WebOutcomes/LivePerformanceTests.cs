using System.Net;
using System.Text;
using System.Text.Json;

using RiskFlag.Core.Evaluation;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.WebOutcomes;

public sealed class LivePerformanceTests(ServedSite site) : IClassFixture<ServedSite>
{
    private const int Applicants = 600;
    private const int Seed = 31;

    private readonly HttpClient _client = site.Factory.CreateClient(RiskRoles.Analyst);

    [Fact]
    public async Task LiveAucOfScoredApplicantsWithTheirTrueLabelsIsTheAucOfThoseProbabilitiesAndLabels()
    {
        var scored = await ScoredApplicants.ScoreAsync(_client, Applicants, Seed);
        var posted = await _client.PostAsync("/api/outcomes", new StringContent(
            ScoredApplicants.OutcomesCsv(scored.Select(s => (s.DecisionId, s.Label))), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        // The same applicants scored directly by the same model, and the evaluator the trainer uses.
        var records = ApplicantFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(ScoredApplicants.GeneratedCsv(Applicants, Seed)))).Records;
        var scorer = new RiskScorer(TrainedBundles.Shared.Primary.ToRiskModel());
        var probabilities = records.Select(r => (float)scorer.Score(r.Applicant).Probability).ToArray();
        var labels = records.Select(r => (float)r.Label!.Value).ToArray();
        Assert.Equal(scored.Select(s => (float)s.Label), labels);
        var expected = BinaryClassificationEvaluator.Evaluate(probabilities, labels, [], scorer.Threshold);

        var report = await PerformanceAsync("");
        var model = Assert.Single(report.GetProperty("models").EnumerateArray());
        Assert.Equal(TrainedBundles.Shared.Primary.Manifest.Version, model.GetProperty("model_version").GetString());
        var live = model.GetProperty("live").EnumerateArray().ToList();
        Assert.Equal(["all", "batch"], live.Select(l => l.GetProperty("channel").GetString()));
        var metrics = live[0].GetProperty("metrics");
        Assert.Equal(Applicants, live[0].GetProperty("outcomes").GetInt32());
        Assert.Equal(expected.RocAuc, metrics.GetProperty("roc_auc").GetDouble(), 1e-9);
        Assert.Equal(expected.PrAuc, metrics.GetProperty("pr_auc").GetDouble(), 1e-9);
        Assert.Equal(expected.LogLoss, metrics.GetProperty("log_loss").GetDouble(), 1e-9);
        Assert.Equal(expected.Brier, metrics.GetProperty("brier").GetDouble(), 1e-9);
        Assert.Equal(expected.F1, metrics.GetProperty("f1").GetDouble(), 1e-9);
        Assert.Equal(TrainedBundles.Shared.Primary.Bundle.Metrics.Grouped.RocAuc, model.GetProperty("training").GetProperty("roc_auc").GetDouble(), 1e-12);

        // A window long past holds none of them.
        var before = await PerformanceAsync("?from=2000-01-01&to=2000-12-31");
        Assert.Empty(before.GetProperty("models").EnumerateArray());

        var page = await _client.GetStringAsync("/Performance");
        Assert.Contains($"<td class=\"live-auc\">{expected.RocAuc:0.000}</td>", page, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"roc\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadWindowIsRefusedWithTheValueAtFault()
    {
        var response = await _client.GetAsync("/api/performance?from=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal("from: \"yesterday\" is not a date (expected YYYY-MM-DD)", detail);
    }

    [Fact]
    public async Task OfficersCannotSeePerformance()
    {
        var response = await site.Factory.CreateClient(RiskRoles.Officer).GetAsync("/api/performance");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonElement> PerformanceAsync(string query)
    {
        var response = await _client.GetAsync($"/api/performance{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
