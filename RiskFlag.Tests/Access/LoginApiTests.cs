using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

using RiskFlag.Tests.Monitoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>POST /api/auth/login hands out Identity bearer tokens in MapIdentityApi's shape; the API takes them and nothing else.</summary>
public sealed class LoginApiTests(ServedSite site) : IClassFixture<ServedSite>
{
    [Fact]
    public async Task A_right_password_gets_a_token_that_scores()
    {
        using var client = site.Factory.CreateAnonymousClient();

        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = RiskFlagWebFactory.AdminEmail, password = RiskFlagWebFactory.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(60 * 60, body.GetProperty("expiresIn").GetInt32());
        var token = body.GetProperty("accessToken").GetString()!;

        using var predict = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 8, count: 1)[0]) };
        predict.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(predict)).StatusCode);
    }

    [Theory]
    [InlineData("not the password")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_password_gets_a_problem_and_no_token(string? password)
    {
        using var client = site.Factory.CreateAnonymousClient();

        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@riskflag.test", password });

        Assert.Equal(password is null ? HttpStatusCode.BadRequest : HttpStatusCode.Unauthorized, login.StatusCode);
        var body = await login.Content.ReadAsStringAsync();
        Assert.DoesNotContain("accessToken", body, StringComparison.Ordinal);
        Assert.Contains(password is null ? "password" : "Wrong e-mail or password", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer " + RiskFlagWebFactory.ScrapeToken)]
    [InlineData("Basic YWRtaW46cGFzcw==")]
    public async Task Anything_but_a_valid_token_is_refused(string authorization)
    {
        using var client = site.Factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 8, count: 1)[0]) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_scrape_token_opens_metrics_and_only_metrics()
    {
        using var client = site.Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RiskFlagWebFactory.ScrapeToken);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/model")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.Factory.CreateClient(RiskRoles.Officer).GetAsync("/metrics")).StatusCode);
    }
}
