using RiskFlag.Core.Decisions;

namespace RiskFlag.Web.Errors;

public static class ErrorHandlingExtensions
{
    public static IServiceCollection AddRiskErrorHandling(this IServiceCollection services) =>
        services.AddExceptionHandler<ProblemExceptionHandler>();

    /// <summary>Problem details for the API, the styled error page for pages: in every environment.</summary>
    public static IApplicationBuilder UseRiskErrorHandling(this IApplicationBuilder app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/Error",
        StatusCodeSelector = StatusFor,
    });

    /// <summary>A decision the log could not take is the service being unavailable for a moment, not a server fault.</summary>
    public static int StatusFor(Exception exception) =>
        exception is DecisionNotRecordedException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>
    /// A status answered without a body gets one: the site's status page for a browser (it asks for HTML, and the path
    /// is not the API's), problem details for everything else.
    /// </summary>
    public static IApplicationBuilder UseRiskStatusPages(this IApplicationBuilder app)
    {
        app.UseWhen(WantsPage, branch => branch.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
        app.UseWhen(context => !WantsPage(context), branch => branch.UseStatusCodePages());
        return app;
    }

    private static bool WantsPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api")
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
