using System.Net;
using System.Text.RegularExpressions;

using RiskFlag.Core.Tracking;
using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebDecisions;

/// <summary>The Runs pages read a temp mlruns folder: table, sorting, detail with plots, and comparing two runs.</summary>
public sealed partial class RunsPageTests : IDisposable
{
    private readonly ModelDirectory _model = ModelDirectory.With(TrainedBundles.Shared.Primary);
    private readonly RiskFlagWebFactory _factory;
    private readonly HttpClient _client;
    private readonly string _first;
    private readonly string _second;

    public RunsPageTests()
    {
        var store = new MlflowFileStore(Path.Combine(_model.Path, "mlruns"));
        var experiment = store.EnsureExperiment(MlflowFileStore.DefaultExperiment);
        _first = Record(store, experiment, "run-alpha", 0.71, "3");
        _second = Record(store, experiment, "run-beta", 0.83, "5");
        _factory = new RiskFlagWebFactory(_model);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _factory.Dispose();
        _model.Dispose();
    }

    [Fact]
    public async Task TheTableListsRunsWithKeyMetricsAndSortsByAColumn()
    {
        var ascending = WebUtility.HtmlDecode(await _client.GetStringAsync("/Runs?sort=grouped_roc_auc&dir=asc"));
        var descending = WebUtility.HtmlDecode(await _client.GetStringAsync("/Runs?sort=grouped_roc_auc&dir=desc"));

        Assert.Equal(["run-alpha", "run-beta"], RunNames(ascending));
        Assert.Equal(["run-beta", "run-alpha"], RunNames(descending));
        Assert.Contains("<td>0.83</td>", ascending, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"ascending\"", ascending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadingsAreReadableAndAFailedRunShowsItsReasonWithoutAnEmptyMetricsSection()
    {
        var table = WebUtility.HtmlDecode(await _client.GetStringAsync("/Runs"));
        Assert.Contains(">ROC AUC (grouped)</a>", table, StringComparison.Ordinal);
        Assert.DoesNotContain(">grouped_roc_auc</a>", table, StringComparison.Ordinal);

        var store = new MlflowFileStore(Path.Combine(_model.Path, "mlruns"));
        string failedId;
        using (var failed = store.StartRun(store.EnsureExperiment(MlflowFileStore.DefaultExperiment), "run-failed", new Dictionary<string, string>()))
        {
            failed.Fail("5 of 54 rows (9.26 %) were rejected");
            failedId = failed.RunId;
        }

        var detail = WebUtility.HtmlDecode(await _client.GetStringAsync($"/Runs/{failedId}"));
        Assert.Contains("This run failed: 5 of 54 rows (9.26 %) were rejected", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Metrics</h2>", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDetailShowsParamsMetricsAndServesThePlots()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync($"/Runs/{_second}"));

        Assert.Contains("boosting.max_depth", html, StringComparison.Ordinal);
        Assert.Contains("<td>0.83</td>", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/runs/{_second}/plots/roc.svg\"", html, StringComparison.Ordinal);

        var plot = await _client.GetAsync($"/runs/{_second}/plots/roc.svg");
        Assert.Equal(HttpStatusCode.OK, plot.StatusCode);
        Assert.Equal("image/svg+xml", plot.Content.Headers.ContentType?.MediaType);
        Assert.Contains("beta", await plot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/Runs/no-such-run")).StatusCode);
    }

    [Theory]
    [InlineData("..%2F..%2Fmeta.yaml")]
    [InlineData("..%2Fmetrics.json")]
    [InlineData("%2E%2E%5Cmeta.yaml")]
    [InlineData("missing.svg")]
    public async Task PlotNamesCannotLeaveThePlotsFolder(string name)
    {
        var response = await _client.GetAsync($"/runs/{_second}/plots/{name}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ComparingTwoTickedRunsShowsBothSideBySide()
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync($"/Runs/Compare?run={_first}&run={_second}"));

        Assert.Contains("run-alpha", html, StringComparison.Ordinal);
        Assert.Contains("run-beta", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">grouped_roc_auc</th>\s*<td>0.71</td>\s*<td>0.83</td>\s*<td>\+0.12</td>", html);
        Assert.Matches(@"<th scope=""row"">boosting.max_depth</th><td><code>3</code></td><td><code>5</code></td>", html);

        var byLetters = await _client.GetAsync($"/Runs/Compare?a={_first}&b={_second}");
        Assert.Equal(HttpStatusCode.OK, byLetters.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/Runs/Compare?a={_first}")).StatusCode);
    }

    private static string Record(MlflowFileStore store, string experiment, string name, double auc, string depth)
    {
        using var run = store.StartRun(experiment, name, new Dictionary<string, string>());
        run.LogParam("boosting.max_depth", depth);
        run.LogMetric("grouped_roc_auc", auc);
        run.LogArtifactText("plots/roc.svg", $"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>{name}</text></svg>");
        run.LogArtifactText("metrics.json", "{}");
        run.Finish();
        return run.RunId;
    }

    private static List<string> RunNames(string html) => [.. RunLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"<th scope=""row"" class=""nowrap""><a href=""/Runs/[^""]+"">([^<]+)</a></th>")]
    private static partial Regex RunLink();
}
