using System.Net;

using Microsoft.AspNetCore.Mvc.Testing;

using RiskFlag.Tests.Web;
using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>The pages' sign-in: a redirect there, the Identity cookie after it, locks after failures, sign-out ends it.</summary>
public sealed class SignInPageTests(ServedSite site) : IClassFixture<ServedSite>
{
    [Fact]
    public async Task A_page_redirects_to_sign_in_and_signing_in_returns_there_with_a_cookie()
    {
        var session = Browser();

        using var first = await session.Client.GetAsync("/Decisions?model=x");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var signIn = PathOf(first);
        Assert.StartsWith("/Account/SignIn?ReturnUrl=", signIn, StringComparison.Ordinal);

        var (status, response) = await PostSignInAsync(session, signIn, RiskFlagWebFactory.AdminEmail, RiskFlagWebFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/Decisions?model=x", PathOf(response));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("riskflag.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/Decisions")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var session = Browser();

        var (status, response) = await PostSignInAsync(session, "/Account/SignIn", RiskFlagWebFactory.AdminEmail, "not the password");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Wrong e-mail or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/Decisions")).StatusCode);
    }

    [Fact]
    public async Task The_return_address_must_be_on_this_site()
    {
        var session = Browser();

        var (_, response) = await PostSignInAsync(session, "/Account/SignIn?ReturnUrl=https%3A%2F%2Fevil.example%2F", RiskFlagWebFactory.AdminEmail, RiskFlagWebFactory.Password);

        Assert.Equal("/", PathOf(response));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var session = Browser();
        await PostSignInAsync(session, "/Account/SignIn", RiskFlagWebFactory.AdminEmail, RiskFlagWebFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/Models")).StatusCode);

        var (status, _) = await session.PostFormAsync("/Account/SignOut", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/Models")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_without_the_role_is_shown_the_denied_page()
    {
        var session = Browser();
        site.Factory.TokenFor(RiskRoles.Officer);
        await PostSignInAsync(session, "/Account/SignIn", RiskFlagWebFactory.EmailOf(RiskRoles.Officer), RiskFlagWebFactory.Password);

        using var response = await session.Client.GetAsync("/Models");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", PathOf(response), StringComparison.Ordinal);
        var denied = await session.Client.GetAsync(PathOf(response));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    internal static async Task<(HttpStatusCode Status, HttpResponseMessage Response)> PostSignInAsync(PageSession session, string page, string email, string password)
    {
        var token = await session.TokenAsync(page);
        var response = await session.Client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            [PageSession.TokenField] = token,
        }));
        return (response.StatusCode, response);
    }

    /// <summary>Where a redirect points, as a path and query on this site.</summary>
    internal static string PathOf(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost/"), response.Headers.Location!).PathAndQuery;

    /// <summary>A cookie-keeping client without credentials that shows redirects instead of following them.</summary>
    private PageSession Browser() => new(site.Factory.CreateAnonymousClient());
}
