using Microsoft.AspNetCore.Http.Metadata;

using RiskFlag.Core.Parsing;

namespace RiskFlag.Web.Errors;

/// <summary>
/// The framework answers some refusals itself with nothing but the status (routing's 404, 405 and 415, the
/// authentication handlers' 401 and 403, a body that does not bind): this says why, and what would work.
/// </summary>
public static class StatusProblemDetails
{
    public static void Describe(ProblemDetailsContext context)
    {
        // A validation problem speaks through its errors.
        if (context.ProblemDetails.Detail is not null || context.ProblemDetails is HttpValidationProblemDetails)
        {
            return;
        }

        var http = context.HttpContext;
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest => "The request could not be read as this endpoint expects: see the API reference (/api/reference) for its body.",
            StatusCodes.Status401Unauthorized => http.Request.Headers.Authorization.Count > 0
                ? "The credential sent is not valid: expired, revoked, malformed or not issued for this site."
                : "Send a credential: Authorization: Bearer <the accessToken from POST /api/auth/login, or an API key>.",
            StatusCodes.Status403Forbidden => "The credential is valid, but its role does not allow this request.",
            StatusCodes.Status404NotFound => $"Nothing is served at {InputExcerpt.Of(http.Request.Path.Value ?? "/")}.",
            StatusCodes.Status405MethodNotAllowed => $"{InputExcerpt.Of(http.Request.Method)} is not served here; this path takes {http.Response.Headers.Allow}.",
            StatusCodes.Status415UnsupportedMediaType => Unsupported(context),
            _ => null,
        };
    }

    private static string? Unsupported(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var accepted = EndpointsAtPath.Of(http.RequestServices.GetRequiredService<EndpointDataSource>(), http.Request.Path)
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAcceptsMetadata>())
            .SelectMany(m => m.ContentTypes)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (accepted.Count == 0)
        {
            return null;
        }

        var sent = http.Request.ContentType is { Length: > 0 } type ? $"'{InputExcerpt.Of(type)}'" : "no Content-Type";
        context.ProblemDetails.Extensions["accepted"] = accepted;
        return $"This endpoint does not take {sent}: send one of {string.Join(", ", accepted)}.";
    }
}
