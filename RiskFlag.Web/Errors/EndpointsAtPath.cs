namespace RiskFlag.Web.Errors;

/// <summary>
/// The endpoints mapped at a request's path (the API's routes are literal), for answers about a request routing
/// refused with an endpoint of its own that knows nothing of them: what they accept, whether they are open.
/// </summary>
public static class EndpointsAtPath
{
    public static IEnumerable<RouteEndpoint> Of(EndpointDataSource endpoints, PathString path)
    {
        var route = path.Value?.Trim('/') ?? string.Empty;
        return endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => string.Equals(e.RoutePattern.RawText?.Trim('/'), route, StringComparison.OrdinalIgnoreCase));
    }
}
