using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RiskFlag.Web.Errors;

/// <summary>
/// An unhandled exception outside a page (the API, downloads, metrics) answers RFC 7807 problem details with the
/// trace id; on a page it falls through to the styled /Error page. Never the framework's own error page, in any
/// environment, and never the exception's message or a server path.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var isPage = endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is not null
            || (endpoint is null && !httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase));
        if (isPage)
        {
            return false;
        }

        var status = ErrorHandlingExtensions.StatusFor(exception);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = status == StatusCodes.Status503ServiceUnavailable
                ? new ProblemDetails
                {
                    Status = status,
                    Title = "The decision could not be recorded",
                    Detail = "No answer is given for a decision that is not in the log. Retry in a moment.",
                }
                : new ProblemDetails
                {
                    Status = status,
                    Title = "The server could not complete the request",
                    Detail = "An unexpected error occurred; it has been logged. Quote the trace_id to the operators.",
                },
        });
    }
}
