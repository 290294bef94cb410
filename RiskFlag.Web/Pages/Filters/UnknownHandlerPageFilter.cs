using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RiskFlag.Web.Pages.Filters;

/// <summary>
/// A request naming a handler the page does not have (POST /?handler=nope) is a 404: without this, Razor Pages
/// renders the page as if nothing had been asked, a 200 with nothing done.
/// </summary>
public sealed class UnknownHandlerPageFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // With no match for the name, Razor Pages falls back to the page's unnamed handler (OnGet, OnPost).
        var asked = context.HttpContext.Request.Query["handler"].ToString();
        if (asked.Length > 0 && !string.Equals(context.HandlerMethod?.Name, asked, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
