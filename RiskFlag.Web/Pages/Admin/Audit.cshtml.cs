using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Web.Audit;

namespace RiskFlag.Web.Pages.Admin;

/// <summary>The audit trail for administrators: newest first, filtered by action, a page at a time by seek.</summary>
public sealed class AuditModel(AuditTrail trail) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public long? Before { get; set; }

    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];

    public string? Error { get; private set; }

    public string? OlderLink =>
        Records.Count == AuditTrail.PageSize ? $"?action={Uri.EscapeDataString(Action ?? string.Empty)}&before={Records[^1].Id}" : null;

    public async Task OnGetAsync()
    {
        if (!string.IsNullOrEmpty(Action) && !AuditActions.All.Contains(Action, StringComparer.Ordinal))
        {
            Error = $"Unknown action: choose one of {string.Join(", ", AuditActions.All)}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Records = await trail.ReadAsync(Action, Before, HttpContext.RequestAborted);
    }
}
