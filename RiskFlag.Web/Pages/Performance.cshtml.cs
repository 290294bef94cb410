using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Web.Decisions;
using RiskFlag.Web.Outcomes;

namespace RiskFlag.Web.Pages;

/// <summary>Live performance per model version and channel over a window of decision dates, beside the training figures.</summary>
public sealed class PerformanceModel(PerformanceReports reports) : PageModel
{
    public DecisionFilter Window { get; private set; } = DecisionFilter.None;

    public IReadOnlyList<string> WindowProblems { get; private set; } = [];

    public PerformanceReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Window = reports.WindowOf(Request.Query, out var problems);
        WindowProblems = problems;
        Report = await reports.BuildAsync(Window, cancellationToken);
    }
}
