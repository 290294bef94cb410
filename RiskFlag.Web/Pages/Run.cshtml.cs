using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Core.Tracking;

namespace RiskFlag.Web.Pages;

/// <summary>One run: its params, final metrics and plots.</summary>
public sealed class RunModel(MlflowFileStore tracking) : PageModel
{
    public RunInfo Run { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (tracking.FindRun(id) is not { } run)
        {
            return NotFound();
        }

        Run = run;
        return Page();
    }
}
