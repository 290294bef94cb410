using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using RiskFlag.Core.Decisions;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.WebOutcomes;

public sealed class ShadowScoringTests(ShadowSite site) : IClassFixture<ShadowSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task TheChampionAnswersAndTheChallengerDecidesTheSameApplicantInShadow()
    {
        var applicant = Applicants.Valid(77);
        var response = await _client.PostAsJsonAsync("/api/predict", Applicants.ToJson(applicant));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // The answer is the champion's, exactly as the core scorer gives it.
        var expected = new Core.Scoring.RiskScorer(TrainedBundles.Shared.Primary.ToRiskModel()).Score(Applicants.Parse(applicant));
        Assert.Equal(ShadowSite.ChampionVersion, answer.GetProperty("model_version").GetString());
        Assert.Equal(expected.Probability, answer.GetProperty("risk_probability").GetDouble(), 1e-12);
        var id = Guid.Parse(answer.GetProperty("decision_id").GetString()!);

        var shadowId = DecisionIds.ShadowOf(id).ToString();
        string? shadow = null;
        await Eventually.AssertAsync(async () =>
        {
            shadow = (await _client.GetStringAsync("/decisions/export.csv?channel=shadow")).Split('\n').FirstOrDefault(l => l.Contains(shadowId, StringComparison.Ordinal));
            return shadow is not null;
        }, "the shadow decision in the log");
        Assert.Contains($",shadow,{ShadowSite.ChallengerVersion},", shadow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutcomesFollowToTheShadowDecisionsAndTheTwoModelsAreComparedOnTheSameLoans()
    {
        var analyst = site.Factory.CreateClient(RiskRoles.Analyst);
        var scored = await ScoredApplicants.ScoreAsync(analyst, 60, seed: 51);
        var shadowIds = scored.Select(s => DecisionIds.ShadowOf(s.DecisionId).ToString()).ToList();
        await Eventually.AssertAsync(async () =>
        {
            var log = await _client.GetStringAsync("/decisions/export.csv?channel=shadow");
            return shadowIds.All(id => log.Contains(id, StringComparison.Ordinal));
        }, "all 60 shadow decisions in the log");

        var posted = await analyst.PostAsync("/api/outcomes", new StringContent(ScoredApplicants.OutcomesCsv(scored.Select(s => (s.DecisionId, s.Label))), Encoding.UTF8, "text/csv"));
        var report = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(60, report.GetProperty("matched").GetInt32());

        var performance = JsonDocument.Parse(await analyst.GetStringAsync("/api/performance")).RootElement;
        var pair = Assert.Single(performance.GetProperty("shadow").EnumerateArray());
        Assert.Equal(ShadowSite.ChampionVersion, pair.GetProperty("champion_version").GetString());
        Assert.Equal(ShadowSite.ChallengerVersion, pair.GetProperty("challenger_version").GetString());
        Assert.Equal(60, pair.GetProperty("shared_outcomes").GetInt32());
        // The same trees under another threshold: the same ranking, flagged differently.
        var auc = pair.GetProperty("auc");
        Assert.Equal(auc.GetProperty("first_auc").GetDouble(), auc.GetProperty("second_auc").GetDouble(), 1e-12);
        Assert.Equal(0, auc.GetProperty("standard_error").GetDouble());
        var versions = performance.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model_version").GetString()).ToList();
        Assert.Equal([ShadowSite.ChampionVersion, ShadowSite.ChallengerVersion], versions);
    }
}

public sealed class ShadowApplicantIdTests(ShadowSite site) : IClassFixture<ShadowSite>
{
    [Fact]
    public async Task AnOutcomeByApplicantIdNamesTheChampionsDecisionNotItsShadowTwin()
    {
        var analyst = site.Factory.CreateClient(RiskRoles.Analyst);
        var lines = ScoredApplicants.GeneratedCsv(30, seed: 61).TrimEnd('\n').Split('\n');
        var ids = Enumerable.Range(0, 30).Select(_ => $"u-{Guid.NewGuid():N}").ToList();
        var csv = string.Join('\n', [lines[0], .. lines.Skip(1).Select((line, i) => ids[i] + line[line.IndexOf(',', StringComparison.Ordinal)..])]) + "\n";
        var scored = await analyst.PostAsync("/api/predict/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var decisions = DecisionIdText.All(await scored.Content.ReadAsStringAsync());
        var client = site.CreateClient();
        await Eventually.AssertAsync(async () =>
        {
            var log = await client.GetStringAsync("/decisions/export.csv?channel=shadow");
            return decisions.All(d => log.Contains(DecisionIds.ShadowOf(Guid.Parse(d)).ToString(), StringComparison.Ordinal));
        }, "the 30 shadow decisions in the log");

        var posted = await analyst.PostAsync("/api/outcomes", new StringContent("Id,risk_flag\n" + string.Concat(ids.Select((id, i) => $"{id},{i % 2}\n")), Encoding.UTF8, "text/csv"));

        var report = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((30, 0), (report.GetProperty("matched").GetInt32(), report.GetProperty("unknown").GetInt32()));
    }
}

public sealed class ShadowBacklogTests(TinyBacklogShadowSite site) : IClassFixture<TinyBacklogShadowSite>
{
    [Fact]
    public async Task AFullShadowBacklogDropsShadowWorkAndNeverFailsARequest()
    {
        var client = site.CreateClient();
        var requests = Enumerable.Range(0, 300).Select(i => client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(i))));

        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var metrics = await client.GetStringAsync("/metrics");
        var dropped = metrics.Split('\n').SingleOrDefault(l => l.StartsWith("riskflag_shadow_decisions_total{", StringComparison.Ordinal) && l.Contains("result=\"dropped\"", StringComparison.Ordinal));
        Assert.True(dropped is not null, string.Join('\n', metrics.Split('\n').Where(l => l.Contains("shadow", StringComparison.Ordinal))));
        Assert.True(double.Parse(dropped[(dropped.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) > 0, dropped);
    }
}

public sealed class DefaultChallengerPathTests(ServedSite site) : IClassFixture<ServedSite>
{
    [Fact]
    public async Task AChallengerPublishedBesideTheChampionIsLoadedAndScoredInShadow()
    {
        var client = site.CreateClient();
        var target = Path.Combine(site.Model.Path, RiskFlag.Web.Serving.ModelOptions.DefaultChallengerFileName);
        var staged = target + ".tmp";
        TrainedBundles.Shared.Secondary.Write(staged);
        File.Move(staged, target);

        // Each attempt is a new applicant for the champion; once the file watcher has loaded the challenger, it is scored in shadow too.
        await Eventually.AssertAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/predict", Applicants.ToJson(Applicants.Valid(5)))).StatusCode);
            return (await client.GetStringAsync("/decisions/export.csv?channel=shadow")).Contains(ShadowSite.ChallengerVersion, StringComparison.Ordinal);
        }, "a shadow decision by the published challenger");
    }
}

public sealed class ShadowSampleTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void ASampleRatePicksThatShareOfDecisionsAndTheSameOnesEveryTime(double rate)
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => Guid.CreateVersion7()).ToList();

        var sampled = ids.Count(id => RiskFlag.Web.Scoring.ShadowBacklog.Sampled(id, rate));

        Assert.InRange(sampled / 20_000.0, rate - 0.015, rate + 0.015);
        Assert.All(ids.Take(100), id => Assert.Equal(RiskFlag.Web.Scoring.ShadowBacklog.Sampled(id, rate), RiskFlag.Web.Scoring.ShadowBacklog.Sampled(id, rate)));
    }
}
