using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

using Microsoft.IdentityModel.Tokens;

using RiskFlag.Tests.Monitoring;
using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity.SingleSignOn;

namespace RiskFlag.Tests.Access;

/// <summary>With Auth:Oidc set, pages sign in through the authority and the API takes its access tokens, roles from its claim.</summary>
public sealed class SingleSignOnTests(SingleSignOnSite site) : IClassFixture<SingleSignOnSite>
{
    // Secure cookies (the handshake's correlation cookie, the session cookie) are only sent over https.
    private static readonly Uri Https = new("https://localhost/");

    private static readonly AuthorityUser Analyst = new("u-analyst", "ana@bank.test", "analyst", "not-a-site-role");

    public enum Forgery
    {
        OtherKey,
        Expired,
        OtherAudience,
        OtherIssuer,
    }

    [Fact]
    public async Task An_access_token_from_the_authority_gets_the_rights_of_the_roles_it_names()
    {
        using var client = ClientWith(site.Authority.Token(Analyst));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 5, count: 1)[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/decisions/export.csv?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/model/reload", null)).StatusCode);
    }

    [Fact]
    public async Task A_token_naming_no_site_role_is_signed_in_but_may_do_nothing()
    {
        using var client = ClientWith(site.Authority.Token(new AuthorityUser("u-none", "none@bank.test", "Domain Users")));

        var response = await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 5, count: 1)[0]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Forgery.OtherKey)]
    [InlineData(Forgery.Expired)]
    [InlineData(Forgery.OtherAudience)]
    [InlineData(Forgery.OtherIssuer)]
    public async Task A_token_the_authority_did_not_sign_for_this_site_now_is_refused(Forgery forgery)
    {
        using var otherKey = RSA.Create(2048);
        var token = forgery switch
        {
            Forgery.OtherKey => site.Authority.Token(Analyst, key: new RsaSecurityKey(otherKey) { KeyId = site.Authority.SigningKey.KeyId }),
            Forgery.Expired => site.Authority.Token(Analyst, expiresIn: TimeSpan.FromHours(-1)),
            Forgery.OtherAudience => site.Authority.Token(Analyst, audience: "another-app"),
            _ => site.Authority.Token(Analyst, issuer: "https://elsewhere.test"),
        };
        using var client = ClientWith(token);

        var response = await client.PostAsync("/api/predict", ApplicantPayloads.Body(ApplicantPayloads.TrainingLike(seed: 5, count: 1)[0]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_page_user_signs_in_through_the_authority_and_holds_only_its_roles()
    {
        site.Authority.NextUser = new AuthorityUser("u-officer", "olga@bank.test", "officer");
        using var browser = site.Factory.CreateAnonymousClient(Https);

        var signInPage = await browser.GetStringAsync("/Account/SignIn?returnUrl=%2F");
        Assert.Contains($"Sign in with {SingleSignOnSite.DisplayName}", signInPage, StringComparison.Ordinal);

        var back = await HandshakeAsync(browser, "/Account/SingleSignOn?returnUrl=%2F");
        var signedIn = await browser.GetAsync(back);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", SignInPageTests.PathOf(signedIn));
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SingleSignOnSchemes.CookieName + "=", StringComparison.Ordinal)
            && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var form = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("olga@bank.test", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var decisions = await browser.GetAsync("/Decisions");
        Assert.StartsWith("/Account/Denied", SignInPageTests.PathOf(decisions), StringComparison.Ordinal);

        // The site asked for the code flow with PKCE.
        var asked = site.Authority.AuthorizeRequests.Last();
        Assert.Equal("code", asked["response_type"]);
        Assert.Equal("S256", asked["code_challenge_method"]);
    }

    [Fact]
    public async Task A_handshake_the_authority_refuses_ends_on_the_sign_in_page_with_the_reason()
    {
        site.Authority.NextUser = null;
        using var browser = site.Factory.CreateAnonymousClient(Https);

        var back = await HandshakeAsync(browser, "/Account/SingleSignOn");
        var refused = await browser.GetAsync(back);
        Assert.Equal("/Account/SignIn?sso=failed", SignInPageTests.PathOf(refused));
        var page = await browser.GetAsync(SignInPageTests.PathOf(refused));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Single sign-on did not complete", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    /// <summary>Starts the handshake on the site, lets the authority answer as a browser would, and returns where it sent the browser back to.</summary>
    private async Task<string> HandshakeAsync(HttpClient browser, string start)
    {
        var challenge = await browser.GetAsync(start);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(site.Authority.Issuer + "/authorize?", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var toAuthority = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await toAuthority.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var back = answer.Headers.Location!;
        Assert.Equal(new Uri(Https, "/signin-oidc").ToString(), back.GetLeftPart(UriPartial.Path));
        return back.PathAndQuery;
    }

    private HttpClient ClientWith(string token)
    {
        var client = site.Factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>Without Auth:Oidc nothing of single sign-on is reachable: no button, no handshake, no JWTs.</summary>
public sealed class SingleSignOnOffTests(ServedSite site) : IClassFixture<ServedSite>
{
    [Fact]
    public async Task The_site_offers_no_single_sign_on_and_refuses_jwts()
    {
        await using var authority = await TestAuthority.StartAsync();
        using var client = site.Factory.CreateAnonymousClient();

        Assert.DoesNotContain("single-sign-on", await client.GetStringAsync("/Account/SignIn"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/SingleSignOn")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", authority.Token(new AuthorityUser("u", "u@bank.test", "admin")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/model")).StatusCode);
    }
}

/// <summary>An authority set without what it needs stops the start with the missing setting, instead of failing every request.</summary>
public sealed class SingleSignOnSettingsTests
{
    [Theory]
    [InlineData("https://login.example.test/realm", null, "Auth:Oidc:ClientId is required")]
    [InlineData("login.example.test", "riskflag", "Auth:Oidc:Authority must be an absolute address")]
    public void A_half_set_authority_stops_the_start_with_the_reason(string authority, string? clientId, string reason)
    {
        using var model = ModelDirectory.With(TrainedBundles.Shared.Primary);
        using var factory = new RiskFlagWebFactory(model, new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = authority,
            ["Auth:Oidc:ClientId"] = clientId,
        });

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateAnonymousClient());

        Assert.Contains(reason, failure.ToString(), StringComparison.Ordinal);
    }
}
