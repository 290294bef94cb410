using RiskFlag.Web.ApiReference;

namespace RiskFlag.Web.Security;

/// <summary>
/// The browser-side protections on every response the site sends (pages, 404s, the API, CSV downloads, /metrics),
/// set before anything else runs so no path can miss them. Pages load nothing but their own stylesheet and plots and
/// run no script, so their policy says exactly that; the API reference runs its (locally served) viewer script.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferenceExtensions.ReferencePath, StringComparison.OrdinalIgnoreCase)
            ? ApiReferencePolicy
            : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    });
}
