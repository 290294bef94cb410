using RiskFlag.Web.Decisions;
using RiskFlag.Web.Identity;
using RiskFlag.Web.Runs;

namespace RiskFlag.Web;

public static class OperatorPagesEndpointRouteBuilderExtensions
{
    /// <summary>The plain endpoints behind the operators' pages (decision export, run plots).</summary>
    public static IEndpointRouteBuilder MapOperatorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/decisions/export.csv", DecisionCsvEndpoint.HandleAsync).ExcludeFromDescription().RequireAuthorization(RiskPolicies.Decisions);
        endpoints.MapGet("/runs/{id}/plots/{name}", RunPlotEndpoint.Handle).ExcludeFromDescription().RequireAuthorization(RiskPolicies.Operations);
        return endpoints;
    }
}
