using RiskFlag.Web.Api;

namespace RiskFlag.Web.Outcomes;

/// <summary>GET /api/performance: the Performance page's figures as JSON, over the same window (from, to, model, channel).</summary>
public static class PerformanceEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, PerformanceReports reports)
    {
        var window = reports.WindowOf(context.Request.Query, out var problems);
        if (problems.Count > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The window cannot be read", detail: string.Join("; ", problems));
        }

        return TypedResults.Json(await reports.BuildAsync(window, context.RequestAborted), ApiJson.Context.PerformanceReport);
    }
}
