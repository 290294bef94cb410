namespace RiskFlag.Web.Serving;

/// <summary>GET /model/plots/{name}: the evaluation charts stored in the bundle, for the model page's img tags.</summary>
public static class ModelPlotEndpoint
{
    public static IResult Handle(string name, HttpContext context, RiskEnginePool pool)
    {
        if (pool.GetServedModel(ModelNames.Champion) is not { } model || !model.Bundle.Plots.TryGetValue(name, out var svg))
        {
            return Results.NotFound();
        }

        // The SVG comes from a file on disk: it may render, never run script or load anything.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Text(svg, "image/svg+xml; charset=utf-8");
    }
}
