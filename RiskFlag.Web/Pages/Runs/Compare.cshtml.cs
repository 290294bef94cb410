using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Core.Tracking;

namespace RiskFlag.Web.Pages.Runs;

/// <summary>Two runs side by side: every metric and param either of them has, differences marked.</summary>
public sealed class CompareModel(MlflowFileStore tracking) : PageModel
{
    public RunInfo? A { get; private set; }

    public RunInfo? B { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<string> MetricNames { get; private set; } = [];

    public IReadOnlyList<string> ParamNames { get; private set; } = [];

    /// <summary>Takes ?a=..&amp;b=.. or, from the runs table's checkboxes, two ?run=.. values.</summary>
    public void OnGet()
    {
        var ids = new[] { Request.Query["a"].ToString(), Request.Query["b"].ToString() }.Where(i => i.Length > 0)
            .Concat(Request.Query["run"].Select(r => r ?? string.Empty).Where(r => r.Length > 0)).ToList();
        if (ids.Count != 2)
        {
            Error = "Select exactly two runs to compare.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        A = tracking.FindRun(ids[0]);
        B = tracking.FindRun(ids[1]);
        if (A is null || B is null)
        {
            Error = $"No run with id {(A is null ? ids[0] : ids[1])}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        MetricNames = [.. A.Metrics.Keys.Union(B.Metrics.Keys).Order(StringComparer.Ordinal)];
        ParamNames = [.. A.Params.Keys.Union(B.Params.Keys).Order(StringComparer.Ordinal)];
    }
}
