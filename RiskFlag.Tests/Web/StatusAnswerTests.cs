using System.Net;
using System.Net.Http.Headers;
using System.Text;

using static RiskFlag.Tests.Web.ProblemAssertions;

namespace RiskFlag.Tests.Web;

/// <summary>
/// Statuses the framework answers without a body get one that says why: the site's page for a browser, problem details
/// with a reason for everything else.
/// </summary>
public sealed class StatusAnswerTests(ServedSite site) : IClassFixture<ServedSite>
{
    [Fact]
    public async Task A_browser_asking_for_a_page_that_does_not_exist_gets_the_sites_404_page()
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("site.css", html, StringComparison.Ordinal);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound, "Nothing is served at /api/nothing-here")]
    [InlineData("PUT", "/api/predict", HttpStatusCode.MethodNotAllowed, "this path takes POST")]
    [InlineData("GET", "/no-such-page", HttpStatusCode.NotFound, "Nothing is served at /no-such-page")]
    public async Task Routings_refusals_say_why(string method, string path, HttpStatusCode status, string reason)
    {
        using var client = site.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await AssertProblemAsync(response, status);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Send a credential")]
    [InlineData("Bearer not-a-token", "The credential sent is not valid")]
    [InlineData("Basic eHl6", "The credential sent is not valid")]
    public async Task A_401_says_whether_a_credential_was_missing_or_bad(string? authorization, string reason)
    {
        using var client = site.Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = new StringContent(Applicants.ToJson(Applicants.Valid()).ToJsonString(), Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var problem = await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized);

        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_body_that_does_not_bind_is_a_400_pointing_at_the_reference()
    {
        using var client = site.Factory.CreateAnonymousClient();

        var response = await client.PostAsync("/api/auth/login", new StringContent("[]", Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("/api/reference", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_posted_to_the_form_page_is_a_415_page_pointing_at_the_api()
    {
        using var client = site.CreateClient();

        var response = await client.PostAsync("/", new StringContent(Applicants.ToJson(Applicants.Valid()).ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("site.css", html, StringComparison.Ordinal);
        Assert.Contains("for JSON use the API", html, StringComparison.Ordinal);
    }
}
