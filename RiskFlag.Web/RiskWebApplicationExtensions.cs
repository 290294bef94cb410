using RiskFlag.Web.ApiReference;
using RiskFlag.Web.Batch;
using RiskFlag.Web.Errors;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Security;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web;

public static class RiskWebApplicationExtensions
{
    /// <summary>Errors as problem details (API) or the error page, routing, static files, access control, antiforgery.</summary>
    public static WebApplication UseRiskPipeline(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseRiskErrorHandling();

        // After the exception handler, which clears headers and runs the rest again for its error page.
        app.UseSecurityHeaders();
        app.UseRiskStatusPages();
        app.UseRouting();
        // After routing: requests that matched an endpoint (the API, health) skip the file-system probe.
        app.UseStaticFiles();
        // After static files, which stay open to anyone (the sign-in page needs its stylesheet).
        app.UseRiskAccessControl();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The pages and the few plain endpoints they link to (plots, downloads).</summary>
    public static WebApplication MapRiskPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/model/plots/{name}", ModelPlotEndpoint.Handle).ExcludeFromDescription();
        app.MapGet("/batch/results/{id}", BatchDownloadEndpoint.Handle).ExcludeFromDescription().RequireAuthorization(RiskPolicies.Batch);
        app.MapRiskApiReference();
        return app;
    }
}
