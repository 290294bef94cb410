using Microsoft.AspNetCore.Mvc.Filters;

namespace RiskFlag.Web.Pages.Filters;

/// <summary>
/// Pages load nothing but their own stylesheet and plots and run no script, so the policy can say exactly that;
/// any injected markup then has nothing to run or send anywhere.
/// </summary>
public sealed class SecurityHeadersPageFilter : IPageFilter
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
