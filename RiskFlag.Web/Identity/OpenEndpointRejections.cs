using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

using RiskFlag.Web.Errors;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Routing answers a wrong method or content type with an endpoint of its own (405, 415) that carries no metadata, so
/// the fallback policy asks for a sign-in first. Where every endpoint at the path is open (the sign-in API), that
/// turns "send JSON" into "send a credential": let routing's answer through there. Protected paths still answer 401
/// to an anonymous caller, so they do not describe themselves to one.
/// </summary>
public sealed class OpenEndpointRejections(EndpointDataSource endpoints) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && IsRoutingRejection(context.GetEndpoint()) && PathIsOpen(context.Request.Path))
        {
            return next(context);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static bool IsRoutingRejection(Endpoint? endpoint) =>
        endpoint is { Metadata.Count: 0, DisplayName: "405 HTTP Method Not Supported" or "415 HTTP Unsupported Media Type" };

    private bool PathIsOpen(PathString path)
    {
        var atPath = EndpointsAtPath.Of(endpoints, path).ToList();
        return atPath.Count > 0 && atPath.All(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null);
    }
}
