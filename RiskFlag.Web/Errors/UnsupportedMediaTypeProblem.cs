using Microsoft.AspNetCore.Http.Metadata;

namespace RiskFlag.Web.Errors;

/// <summary>
/// Routing answers 415 itself when no endpoint at the path accepts the request's content type, with nothing but the
/// status. This names what the path does accept, read from the same <see cref="IAcceptsMetadata"/> routing matched on.
/// </summary>
public static class UnsupportedMediaTypeProblem
{
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status415UnsupportedMediaType || context.ProblemDetails.Detail is not null)
        {
            return;
        }

        var http = context.HttpContext;
        var path = http.Request.Path.Value?.Trim('/') ?? string.Empty;
        var accepted = http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => string.Equals(e.RoutePattern.RawText?.Trim('/'), path, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAcceptsMetadata>())
            .SelectMany(m => m.ContentTypes)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (accepted.Count == 0)
        {
            return;
        }

        var sent = http.Request.ContentType is { Length: > 0 } type ? $"'{Quote(type)}'" : "no Content-Type";
        context.ProblemDetails.Detail = $"This endpoint does not take {sent}: send one of {string.Join(", ", accepted)}.";
        context.ProblemDetails.Extensions["accepted"] = accepted;
    }

    // The client's header is echoed back: keep it short.
    private static string Quote(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
