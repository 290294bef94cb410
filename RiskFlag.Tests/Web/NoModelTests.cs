using System.Net;
using System.Net.Http.Json;
using System.Text;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

/// <summary>Before any model exists the site runs, is live but not ready, and tells people how to train one.</summary>
public sealed class NoModelTests(SiteWithoutModel site) : IClassFixture<SiteWithoutModel>
{
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
        Assert.Contains($"-- train --data data/dev.csv --artifacts {Path.GetDirectoryName(site.Model.BundlePath)}</code>", html, StringComparison.Ordinal);
        Assert.Contains(site.Model.BundlePath, html, StringComparison.Ordinal);
    }
}

public sealed class TrainCommandsTests
{
    [Fact]
    public void The_train_command_writes_into_the_configured_model_folder()
    {
        var commands = RiskFlag.Web.Serving.TrainCommands.For("/srv/models/risk-model.zip");

        Assert.Equal(2, commands.Count);
        Assert.EndsWith("--artifacts /srv/models", commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Another_file_name_gets_a_move_and_odd_paths_are_quoted()
    {
        var commands = RiskFlag.Web.Serving.TrainCommands.For("/srv/my models/current.zip");

        Assert.EndsWith("--artifacts '/srv/my models'", commands[1], StringComparison.Ordinal);
        Assert.Equal("mv '/srv/my models/risk-model.zip' '/srv/my models/current.zip'", commands[2]);
    }
}
