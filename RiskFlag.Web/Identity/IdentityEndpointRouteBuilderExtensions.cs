namespace RiskFlag.Web.Identity;

public static class IdentityEndpointRouteBuilderExtensions
{
    /// <summary>POST /api/auth/login, open to anyone, its attempts limited per IP address (<see cref="RequestLimits"/>).</summary>
    public static IEndpointRouteBuilder MapRiskIdentity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPaths.Login, LoginEndpoint.HandleAsync)
            .WithTags("Sign-in")
            .WithName("Login")
            .WithSummary("Exchange an e-mail and password for a bearer token (send it as Authorization: Bearer <accessToken>)")
            .AllowAnonymous()
            .RequireRateLimiting(RequestLimits.SignIn)
            .DisableAntiforgery()
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    /// <summary>Who is asking (authentication), whether they may (the endpoint's policy), and the rate limits.</summary>
    public static WebApplication UseRiskAccessControl(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
