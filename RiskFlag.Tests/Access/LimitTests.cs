using System.Net;
using System.Net.Http.Json;

using RiskFlag.Tests.Monitoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>Sign-in attempts are limited per IP address and locked per account; scoring is limited per user; every refusal says when to retry.</summary>
public sealed class LimitTests(TightlyLimitedSite site) : IClassFixture<TightlyLimitedSite>
{
    [Fact]
    public async Task Repeated_failures_lock_the_account_and_then_the_address_is_slowed_down()
    {
        var email = RiskFlagWebFactory.EmailOf(RiskRoles.Auditor);
        site.Factory.TokenFor(RiskRoles.Auditor);
        using var client = site.Factory.CreateAnonymousClient();

        var wrong1 = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-1" });
        var wrong2 = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-2" });
        var right = await client.PostAsJsonAsync("/api/auth/login", new { email, password = RiskFlagWebFactory.Password });
        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email, password = RiskFlagWebFactory.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong1.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong2.StatusCode);
        // Locked after two failures: the right password no longer gets in.
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Try again in", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scoring_beyond_the_users_rate_gets_429_while_another_user_still_scores()
    {
        using var busy = site.Factory.CreateClient(RiskRoles.Officer);
        using var other = site.Factory.CreateClient(RiskRoles.Analyst);
        var body = ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 4, count: 1)[0]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await busy.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 4, count: 1)[0]))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains((HttpStatusCode)429, statuses);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/api/predict", body)).StatusCode);
    }
}
