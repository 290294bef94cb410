namespace RiskFlag.Web.Identity.SingleSignOn;

public static class SingleSignOnSchemes
{
    /// <summary>The OpenID Connect handshake the sign-in page's button starts.</summary>
    public const string OpenIdConnect = "oidc";

    /// <summary>The cookie a page user signed in through the authority holds (separate from the Identity cookie: there is no local user to re-check).</summary>
    public const string Cookie = "sso";

    public const string CookieName = "riskflag.sso";

    /// <summary>The authority's JWT access tokens on the API.</summary>
    public const string Jwt = "jwt";

    /// <summary>The page that starts the handshake.</summary>
    public const string StartPath = "/Account/SingleSignOn";
}
