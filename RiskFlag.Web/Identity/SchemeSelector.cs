using Microsoft.AspNetCore.Identity;

using RiskFlag.Web.ApiReference;
using RiskFlag.Web.Identity.ApiKeys;
using RiskFlag.Web.Identity.SingleSignOn;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Which sign-in a request is checked against: an API key, the authority's JWT or Identity's bearer token when it sends one, and for the API and /metrics always
/// (so they answer 401, not a redirect); the pages use the single sign-on cookie when they hold one, else the Identity cookie,
/// and redirect to the sign-in page.
/// </summary>
public static class SchemeSelector
{
    public const string Scheme = "RiskFlag";

    public static string Select(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0)
        {
            var token = BearerToken.Of(context.Request);
            if (ApiKeyText.LooksLikeKey(token))
            {
                return ApiKeyHandler.SchemeName;
            }

            // A JWT has three dot-separated parts; Identity's own tokens have none.
            return token is not null && token.AsSpan().Count('.') == 2 && context.IsSingleSignOnConfigured() ? SingleSignOnSchemes.Jwt : IdentityConstants.BearerScheme;
        }

        var path = context.Request.Path;
        var isApi = (path.StartsWithSegments("/api") && !path.StartsWithSegments(ApiReferenceExtensions.ReferencePath)) || path.StartsWithSegments(Monitoring.MetricsEndpointRouteBuilderExtensions.MetricsPath);
        if (isApi)
        {
            return IdentityConstants.BearerScheme;
        }

        return context.Request.Cookies.ContainsKey(SingleSignOnSchemes.CookieName) && context.IsSingleSignOnConfigured()
            ? SingleSignOnSchemes.Cookie
            : IdentityConstants.ApplicationScheme;
    }
}
