using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Core.Tracking;
using RiskFlag.Web.Runs;

namespace RiskFlag.Web.Pages;

/// <summary>Training runs with their key metrics side by side, sortable by any column; tick two to compare.</summary>
public sealed class RunsModel(MlflowFileStore tracking) : PageModel
{
    public IReadOnlyList<RunInfo> Runs { get; private set; } = [];

    public string Sort { get; private set; } = RunTable.StartColumn;

    public bool Descending { get; private set; } = true;

    public string TrackingDirectory => tracking.Root;

    public void OnGet()
    {
        Sort = Request.Query["sort"].ToString() is { Length: > 0 } sort ? sort : RunTable.StartColumn;
        Descending = Request.Query["dir"].ToString() != "asc";
        Runs = RunTable.Sort(tracking.ListRuns(), Sort, Descending);
    }

    /// <summary>Sorting by the current column again flips the direction.</summary>
    public string SortLink(string column) =>
        $"/Runs?sort={Uri.EscapeDataString(column)}&dir={(column == Sort && Descending ? "asc" : "desc")}";

    public string? AriaSort(string column) => column == Sort ? (Descending ? "descending" : "ascending") : null;
}
