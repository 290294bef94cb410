using System.Globalization;
using System.Net;

namespace RiskFlag.Tests.Web;

public sealed class ModelPageTests(ServedSite site) : IClassFixture<ServedSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task ThePageShowsVersionLoadTimeMetricsSideBySidePlotsFeaturesAndHistory()
    {
        var response = await _client.GetAsync("/Model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var bundle = TrainedBundles.Shared.Primary;
        Assert.Equal(bundle.Manifest.Version, PageSession.TextOf(html, "dd", "model-version"));
        Assert.Equal(bundle.Manifest.Threshold.ToString("0.0000", CultureInfo.InvariantCulture), PageSession.TextOf(html, "dd", "threshold"));
        Assert.NotNull(PageSession.TextOf(html, "dd", "loaded-at"));
        var grouped = bundle.Metrics.Grouped.RocAuc.ToString("0.0000", CultureInfo.InvariantCulture);
        var random = bundle.Metrics.Random.RocAuc.ToString("0.0000", CultureInfo.InvariantCulture);
        Assert.Contains($"<tr><th scope=\"row\">ROC AUC</th><td>{grouped}</td><td>{random}</td></tr>", html, StringComparison.Ordinal);
        foreach (var plot in bundle.Plots.Keys)
        {
            Assert.Contains($"<img src=\"/model/plots/{plot}?v={bundle.Manifest.Version}\"", html, StringComparison.Ordinal);
        }

        foreach (var feature in bundle.Manifest.Features)
        {
            Assert.Contains($"<li><code>{feature}</code></li>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td>start-up</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Loaded</td>", html, StringComparison.Ordinal);
    }
}
