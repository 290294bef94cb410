using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

/// <summary>Bodies over the configured limits (2 KB for predict, 4 KB for batch here) are 413 problems, never 500s.</summary>
public sealed class BodyLimitTests(SiteWithSmallLimits site) : IClassFixture<SiteWithSmallLimits>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task APredictBodyOverTheLimitIsA413Problem()
    {
        var array = new JsonArray([.. Enumerable.Range(0, 40).Select(i => (JsonNode)Applicants.ToJson(Applicants.Valid(i)))]);

        var response = await _client.PostAsync("/api/predict", JsonContent.Create(array));

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APredictBodyWithoutContentLengthIsStoppedAtTheLimit()
    {
        var json = new JsonArray([.. Enumerable.Range(0, 40).Select(i => (JsonNode)Applicants.ToJson(Applicants.Valid(i)))]).ToJsonString();
        using var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/api/predict", content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ABatchBodyOverTheLimitIsA413Problem()
    {
        var response = await _client.PostAsync("/api/predict/batch", new StringContent(BatchApiTests.SampleCsv(200), Encoding.UTF8, "text/csv"));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ASmallBatchStillPasses()
    {
        var response = await _client.PostAsync("/api/predict/batch", new StringContent(BatchApiTests.SampleCsv(10), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Makes HttpClient send the body chunked, with no Content-Length to reject it by.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
