using Microsoft.AspNetCore.Identity;

using RiskFlag.Web.ApiReference;
using RiskFlag.Web.Identity.ApiKeys;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Which sign-in a request is checked against: an API key or a bearer token when it sends one, and for the API and /metrics always
/// (so they answer 401, not a redirect); the pages use the Identity cookie and redirect to the sign-in page.
/// </summary>
public static class SchemeSelector
{
    public const string Scheme = "RiskFlag";

    public static string Select(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0)
        {
            return ApiKeyText.LooksLikeKey(BearerToken.Of(context.Request)) ? ApiKeyHandler.SchemeName : IdentityConstants.BearerScheme;
        }

        var path = context.Request.Path;
        var isApi = (path.StartsWithSegments("/api") && !path.StartsWithSegments(ApiReferenceExtensions.ReferencePath)) || path.StartsWithSegments(Monitoring.MetricsEndpointRouteBuilderExtensions.MetricsPath);
        return isApi ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
    }
}
