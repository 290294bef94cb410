using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using RiskFlag.Core.Scoring;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

public sealed class PredictApiTests(ServedSite site) : IClassFixture<ServedSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task OneApplicantGetsFlagProbabilityThresholdLabelVersionAndThreeFactors()
    {
        var response = await _client.PostAsync("/api/predict", JsonContent.Create(Applicants.ToJson(Applicants.Valid())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        var body = JsonDocument.Parse(bytes).RootElement;
        var bundle = TrainedBundles.Shared.Primary;
        var probability = body.GetProperty("risk_probability").GetDouble();
        var threshold = body.GetProperty("threshold").GetDouble();
        Assert.InRange(probability, 0, 1);
        Assert.Equal(bundle.Manifest.Threshold, threshold, 12);
        Assert.Equal(probability >= threshold ? 1 : 0, body.GetProperty("risk_flag").GetInt32());
        Assert.Equal(probability >= threshold ? "High Risk" : "Low Risk", body.GetProperty("label").GetString());
        Assert.Equal(bundle.Manifest.Version, body.GetProperty("model_version").GetString());
        var factors = body.GetProperty("top_factors").EnumerateArray().ToList();
        Assert.Equal(3, factors.Count);
        Assert.All(factors, f =>
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("feature").GetString()));
            Assert.False(string.IsNullOrEmpty(f.GetProperty("description").GetString()));
            Assert.True(double.IsFinite(f.GetProperty("contribution").GetDouble()));
        });
        Assert.True(body.GetProperty("city_known").GetBoolean());
    }

    [Fact]
    public async Task TheAnswerEqualsTheCoreScorerWithItsExactFactors()
    {
        var applicant = Applicants.Valid(seed: 5);
        var response = await _client.PostAsync("/api/predict", JsonContent.Create(Applicants.ToJson(applicant)));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var expected = new RiskScorer(TrainedBundles.Shared.Primary.ToRiskModel()).Score(Applicants.Parse(applicant));
        Assert.Equal(expected.Probability, body.GetProperty("risk_probability").GetDouble(), 12);
        Assert.Equal(
            expected.TopFactors.Select(f => f.Feature),
            body.GetProperty("top_factors").EnumerateArray().Select(f => f.GetProperty("feature").GetString()));
    }

    [Fact]
    public async Task AnArrayGetsAnArrayInTheSameOrderAsOneByOne()
    {
        var applicants = Enumerable.Range(0, 6).Select(Applicants.Valid).ToList();
        var array = new JsonArray([.. applicants.Select(a => (JsonNode)Applicants.ToJson(a))]);

        var response = await _client.PostAsync("/api/predict", JsonContent.Create(array));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal(applicants.Count, results.Count);
        for (var i = 0; i < applicants.Count; i++)
        {
            var single = await _client.PostAsync("/api/predict", JsonContent.Create(Applicants.ToJson(applicants[i])));
            var one = JsonDocument.Parse(await single.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(one.GetProperty("risk_probability").GetDouble(), results[i].GetProperty("risk_probability").GetDouble());
        }
    }

    [Fact]
    public async Task NumbersMayBeStringsAndAnIdIsEchoed()
    {
        var applicant = new JsonObject { ["id"] = "A-17" };
        foreach (var (key, value) in Applicants.Valid())
        {
            applicant[key] = value;
        }

        var response = await _client.PostAsync("/api/predict", JsonContent.Create(applicant));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("A-17", body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnUnknownCityIsScoredWithTheAverageAndSaidSo()
    {
        var response = await _client.PostAsync("/api/predict", JsonContent.Create(Applicants.ToJson(Applicants.With("city", "Atlantis"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.GetProperty("city_known").GetBoolean());
        Assert.True(body.GetProperty("state_known").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(ValidationRules.Cases), MemberType = typeof(ValidationRules))]
    public async Task EachValidationRuleIsA400ProblemKeyedByTheSnakeCaseField(string field, string? value, string message)
    {
        var response = await _client.PostAsync("/api/predict", JsonContent.Create(Applicants.ToJson(ValidationRules.Applicant(field, value))));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(Messages(problem, field), m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ErrorsInAnArrayAreKeyedByIndex()
    {
        var array = new JsonArray(Applicants.ToJson(Applicants.Valid()), Applicants.ToJson(Applicants.With("age", "12")), Applicants.ToJson(Applicants.With("married", "x")));

        var response = await _client.PostAsync("/api/predict", JsonContent.Create(array));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["[1].age", "[2].married"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task MalformedJsonIsA400Problem()
    {
        var response = await _client.PostAsync("/api/predict", new StringContent("{\"income\": ", Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJsonScalarIsA400Problem()
    {
        var response = await _client.PostAsync("/api/predict", new StringContent("42", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/csv")]
    public async Task ABodyThatIsNotJsonIsA415Problem(string contentType)
    {
        var response = await _client.PostAsync("/api/predict", new StringContent("income=1", Encoding.UTF8, contentType));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }
}
