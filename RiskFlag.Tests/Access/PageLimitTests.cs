using System.Net;
using System.Net.Http.Json;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>
/// The pages opt into the same limits as the API: the sign-in page shares the API's sign-in budget per address, and the
/// scoring form counts against the user's scoring rate. Each in its own class: a class's tests share one site's budgets.
/// </summary>
public sealed class PageSignInLimitTests(TightlyLimitedSite site) : IClassFixture<TightlyLimitedSite>
{
    [Fact]
    public async Task The_sign_in_page_and_the_api_draw_on_one_budget_per_address()
    {
        using var client = site.Factory.CreateAnonymousClient();
        var page = new PageSession(client);
        var token = await page.TokenAsync("/Account/SignIn");
        Dictionary<string, string> Attempt(int i) => new() { ["email"] = $"guess{i}@riskflag.test", ["password"] = "wrong", [PageSession.TokenField] = token };

        var first = await client.PostAsJsonAsync("/api/auth/login", new { email = "guess0@riskflag.test", password = "wrong" });
        var second = await page.PostFormAsync("/Account/SignIn", Attempt(1), withToken: false);
        var third = await client.PostAsJsonAsync("/api/auth/login", new { email = "guess2@riskflag.test", password = "wrong" });
        var fourth = await page.PostFormAsync("/Account/SignIn", Attempt(3), withToken: false);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.Equal((HttpStatusCode)429, fourth.Status);
        // Reading the page is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/SignIn")).StatusCode);
    }
}

public sealed class PageScoringLimitTests(TightlyLimitedSite site) : IClassFixture<TightlyLimitedSite>
{
    [Fact]
    public async Task Posting_the_form_beyond_the_users_rate_gets_429()
    {
        var page = new PageSession(site.Factory.CreateClient(RiskRoles.Officer));
        var form = Applicants.Valid(seed: 2);
        form[PageSession.TokenField] = await page.TokenAsync("/");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await page.PostFormAsync("/", form, withToken: false)).Status);
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains((HttpStatusCode)429, statuses);
        // Reading the form is not scoring.
        Assert.Equal(HttpStatusCode.OK, (await page.Client.GetAsync("/")).StatusCode);
    }
}
