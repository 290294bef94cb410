using System.Net;
using System.Text.Json;

namespace RiskFlag.Tests.Web;

public sealed class ModelApiTests(ServedSite site) : IClassFixture<ServedSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task TheModelEndpointGivesVersionThresholdMetricsAndLoadTime()
    {
        var response = await _client.GetAsync("/api/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var bundle = TrainedBundles.Shared.Primary;
        Assert.Equal(bundle.Manifest.Version, body.GetProperty("version").GetString());
        Assert.Equal(bundle.Manifest.Threshold, body.GetProperty("threshold").GetDouble(), 12);
        Assert.True(body.GetProperty("loaded_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(bundle.Metrics.Grouped.RocAuc, body.GetProperty("metrics").GetProperty("grouped").GetProperty("roc_auc").GetDouble(), 12);
        Assert.Equal(bundle.Metrics.Random.RocAuc, body.GetProperty("metrics").GetProperty("random").GetProperty("roc_auc").GetDouble(), 12);
        Assert.Equal(bundle.Manifest.Features, body.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task LiveAndReadyAreHealthyWithAModel()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
        var ready = await _client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApi()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/predict", "/api/predict/batch", "/api/model", "/api/model/reload" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        var schemas = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("PredictionResponse").GetProperty("properties").TryGetProperty("risk_probability", out _));
    }

    [Fact]
    public async Task PlotsAreServedAsSvgImages()
    {
        var bundle = TrainedBundles.Shared.Primary;
        Assert.NotEmpty(bundle.Plots);
        foreach (var name in bundle.Plots.Keys)
        {
            var response = await _client.GetAsync($"/model/plots/{name}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("<svg", (await response.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/model/plots/nope.svg")).StatusCode);
    }
}
