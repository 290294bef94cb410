using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.WebOutcomes;

public sealed class OutcomesApiTests(ServedSite site) : IClassFixture<ServedSite>
{
    private readonly HttpClient _client = site.Factory.CreateClient(RiskRoles.Analyst);

    [Fact]
    public async Task OutcomesOfScoredApplicantsAreMatchedOnceAndAPostRepeatedChangesNothing()
    {
        var scored = await ScoredApplicants.ScoreAsync(_client, 120, seed: 21);
        var csv = ScoredApplicants.OutcomesCsv(scored.Select(s => (s.DecisionId, s.Label)));

        var first = await PostAsync(csv);
        var again = await PostAsync(csv);

        Assert.Equal((120, 120, 0, 0, 0, 0), Counts(first));
        Assert.Equal((120, 0, 120, 0, 0, 0), Counts(again));
        Assert.Empty(again.GetProperty("rejected").EnumerateArray());
    }

    [Fact]
    public async Task EveryRowNotRecordedIsListedWithItsLineKindFieldAndReason()
    {
        var scored = await ScoredApplicants.ScoreAsync(_client, 3, seed: 22);
        await PostAsync(ScoredApplicants.OutcomesCsv([(scored[0].DecisionId, 1)]));
        var unknown = Guid.CreateVersion7();
        var csv = "decision_id,risk_flag,observed_at\n" +
            $"{scored[0].DecisionId},0,\n" + // line 2: conflicts with the 1 recorded above
            $"{unknown},1,\n" + // line 3
            $"{scored[1].DecisionId},2,\n" + // line 4: bad flag
            $"{scored[2].DecisionId},1,2000-01-01\n" + // line 5: observed before the decision
            "not-an-id,1,\n" + // line 6
            $"{scored[1].DecisionId},1,\n"; // line 7: good

        var report = await PostAsync(csv);

        Assert.Equal((6, 1, 0, 1, 1, 3), Counts(report));
        var rejected = report.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("kind").GetString(), r.GetProperty("field").GetString(), r.GetProperty("reason").GetString()!))
            .ToList();
        Assert.Equal([2, 3, 4, 5, 6], rejected.Select(r => r.Item1));
        Assert.Equal(["conflict", "unknown", "bad", "bad", "bad"], rejected.Select(r => r.Item2));
        Assert.Equal(["risk_flag", "decision_id", "risk_flag", "observed_at", "decision_id"], rejected.Select(r => r.Item3));
        Assert.Contains("1 is recorded", rejected[0].Item4, StringComparison.Ordinal);
        Assert.Contains(unknown.ToString(), rejected[1].Item4, StringComparison.Ordinal);
        Assert.Contains("before the day the decision", rejected[3].Item4, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonAndMultipartBodiesAreReadLikeCsv()
    {
        var scored = await ScoredApplicants.ScoreAsync(_client, 2, seed: 23);
        var json = $$"""[{"decision_id":"{{scored[0].DecisionId}}","risk_flag":true,"observed_at":"2100-01-01"},{"decision_id":"{{scored[1].DecisionId}}","risk_flag":0}]""";

        var fromJson = await PostAsync(json, "application/json");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(ScoredApplicants.OutcomesCsv([(scored[1].DecisionId, 0)])));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "outcomes.csv");
        var multipart = await _client.PostAsync("/api/outcomes", form);

        // The first row is dated a century ahead: a bad row, reported, while the second is recorded.
        Assert.Equal((2, 1, 0, 0, 0, 1), Counts(fromJson));
        Assert.Equal(HttpStatusCode.OK, multipart.StatusCode);
        Assert.Equal((1, 0, 1, 0, 0, 0), Counts(JsonDocument.Parse(await multipart.Content.ReadAsStringAsync()).RootElement));
    }

    [Fact]
    public async Task AFileWithoutTheRequiredColumnsIsRefusedAsAWhole()
    {
        var response = await _client.PostAsync("/api/outcomes", new StringContent("decision_id,outcome\nx,1\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("risk_flag", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RiskRoles.Officer, HttpStatusCode.Forbidden)]
    [InlineData(RiskRoles.Auditor, HttpStatusCode.Forbidden)]
    [InlineData(RiskRoles.Analyst, HttpStatusCode.OK)]
    [InlineData(RiskRoles.Operator, HttpStatusCode.OK)]
    public async Task AnalystsAndOperatorsMayPostOutcomes(string role, HttpStatusCode expected)
    {
        var response = await site.Factory.CreateClient(role).PostAsync("/api/outcomes", new StringContent("decision_id,risk_flag\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task APostIsAudited()
    {
        await PostAsync("decision_id,risk_flag\nnot-an-id,1\n");

        var audit = await site.CreateClient().GetStringAsync("/Admin/Audit?action=outcomes.post");
        Assert.Contains("read 1: matched 0, duplicate 0, unknown 0, conflict 0, bad 1", audit, StringComparison.Ordinal);
    }

    private async Task<JsonElement> PostAsync(string body, string contentType = "text/csv")
    {
        var response = await _client.PostAsync("/api/outcomes", new StringContent(body, Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static (int Read, int Matched, int Duplicate, int Unknown, int Conflict, int Bad) Counts(JsonElement report) => (
        report.GetProperty("read").GetInt32(), report.GetProperty("matched").GetInt32(), report.GetProperty("duplicate").GetInt32(),
        report.GetProperty("unknown").GetInt32(), report.GetProperty("conflict").GetInt32(), report.GetProperty("bad").GetInt32());
}
