using System.Net;
using System.Net.Http.Json;
using System.Text;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

/// <summary>Before any model exists the site runs, is live but not ready, and tells people how to train one.</summary>
public sealed class NoModelTests(SiteWithoutModel site) : IClassFixture<SiteWithoutModel>
{
    private const string TrainCommand = "dotnet run --project RiskFlag.Training -c Release -- train --data data/dev.csv --artifacts artifacts";

    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task LiveButNotReady()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task TheApiAnswers503Problems()
    {
        await AssertProblemAsync(await _client.PostAsync("/api/predict", JsonContent.Create(Applicants.ToJson(Applicants.Valid()))), HttpStatusCode.ServiceUnavailable);
        await AssertProblemAsync(await _client.PostAsync("/api/predict/batch", new StringContent(BatchApiTests.SampleCsv(5), Encoding.UTF8, "text/csv")), HttpStatusCode.ServiceUnavailable);
        await AssertProblemAsync(await _client.GetAsync("/api/model"), HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Batch")]
    [InlineData("/Model")]
    public async Task EveryPageShowsTheExactTrainCommand(string page)
    {
        var response = await _client.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("No model is loaded yet", html, StringComparison.Ordinal);
        Assert.Contains(TrainCommand, html, StringComparison.Ordinal);
        Assert.Contains(site.Model.BundlePath, html, StringComparison.Ordinal);
    }
}
