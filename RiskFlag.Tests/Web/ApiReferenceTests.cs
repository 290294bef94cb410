using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using RiskFlag.Web.ApiReference;

namespace RiskFlag.Tests.Web;

/// <summary>The nav's API link opens a readable reference over the OpenAPI document, with examples that really work.</summary>
public sealed partial class ApiReferenceTests(ServedSite site) : IClassFixture<ServedSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task The_reference_page_loads_its_script_from_the_site_and_points_at_the_document()
    {
        // With the slash: Scalar redirects to it, and HttpClient drops the Authorization header on a redirect (a browser keeps its cookie).
        var page = await _client.GetAsync(ApiReferenceExtensions.ReferencePath + "/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("RiskFlag API", html, StringComparison.Ordinal);
        // Scalar resolves the document against the site root: "openapi/v1.json" is /openapi/v1.json.
        Assert.Contains($"\"url\":\"{ApiReferenceExtensions.DocumentPath.TrimStart('/')}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(ApiReferenceExtensions.DocumentPath)).StatusCode);

        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("scalar.js", scripts);
        foreach (var script in scripts)
        {
            Assert.False(Uri.TryCreate(script, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal), $"{script} is loaded from another site");
            var response = await _client.GetAsync(new Uri(new Uri(_client.BaseAddress!, ApiReferenceExtensions.ReferencePath + "/"), script));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Contains("href=\"/api/reference\"", await _client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_predict_examples_are_in_the_document_and_the_request_example_scores_to_the_response_examples_shape()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync(ApiReferenceExtensions.DocumentPath))!;
        var operation = document["paths"]!["/api/predict"]!["post"]!;
        var request = operation["requestBody"]!["content"]!["application/json"]!["example"]!;
        var response = operation["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal(ApiExamples.PredictRequest().ToJsonString(), request.ToJsonString());

        var scored = await _client.PostAsJsonAsync("/api/predict", request);
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        var answer = (await scored.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(response.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal), answer.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            response["top_factors"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal),
            answer["top_factors"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_operation_but_the_sign_in_asks_for_the_bearer_credential_and_says_what_401_and_403_mean()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync(ApiReferenceExtensions.DocumentPath))!;
        Assert.Equal("bearer", document["components"]!["securitySchemes"]![ApiSecurity.SchemeName]!["scheme"]!.GetValue<string>());

        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(o => (Name: $"{o.Key} {path.Key}", Operation: o.Value!))).ToList();
        Assert.Contains(operations, o => o.Name == "post /api/predict");
        foreach (var (name, operation) in operations)
        {
            var secured = operation["security"]?.AsArray().Any(r => r!.AsObject().ContainsKey(ApiSecurity.SchemeName)) == true;
            Assert.True(secured == (name != "post /api/auth/login"), $"{name}: secured {secured}");
            if (secured)
            {
                Assert.NotNull(operation["responses"]!["401"]);
                Assert.NotNull(operation["responses"]!["403"]);
            }
        }
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
