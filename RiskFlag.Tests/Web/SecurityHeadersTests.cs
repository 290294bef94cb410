using System.Net;
using System.Net.Http.Json;

using RiskFlag.Tests.Monitoring;
using RiskFlag.Web.Security;

namespace RiskFlag.Tests.Web;

/// <summary>Every response carries the browser protections, whatever produced it; an unknown page handler is a 404.</summary>
public sealed class SecurityHeadersTests(MonitoredSite site) : IClassFixture<MonitoredSite>
{
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("GET", "/api/model")]
    [InlineData("POST", "/api/predict")]
    [InlineData("GET", "/decisions/export.csv")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/health/live")]
    [InlineData("GET", "/openapi/v1.json")]
    public async Task Every_kind_of_response_has_the_security_headers(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(Applicants.ToJson(Applicants.Valid()));
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task The_api_reference_may_run_its_own_script_and_nothing_from_elsewhere()
    {
        var response = await _client.GetAsync("/api/reference/");

        var policy = Single(response, "Content-Security-Policy");
        Assert.Equal(SecurityHeaders.ApiReferencePolicy, policy);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_the_page_does_not_have_is_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/?handler=nope")).StatusCode);

        var session = new PageSession(_client);
        var fields = new Dictionary<string, string>(Applicants.Valid()) { [PageSession.TokenField] = await session.TokenAsync("/") };
        var posted = await _client.PostAsync("/?handler=nope", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);

        fields[PageSession.TokenField] = await session.TokenAsync("/");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/", new FormUrlEncodedContent(fields))).StatusCode);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []);
}
