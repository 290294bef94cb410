using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Web.Identity.ApiKeys;

namespace RiskFlag.Web.Pages.Admin;

/// <summary>API keys for services, for administrators: create one (its text is shown this once), revoke.</summary>
public sealed class ApiKeysModel(ApiKeyDirectory directory) : PageModel
{
    [BindProperty(Name = "name")]
    public string? Name { get; set; }

    [BindProperty(Name = "role")]
    public string? Role { get; set; }

    [BindProperty(Name = "id")]
    public string? Id { get; set; }

    public IReadOnlyList<ApiKeySummary> Keys { get; private set; } = [];

    public string? NewKey { get; private set; }

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync() => Keys = await directory.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var created = await directory.CreateAsync(User.Identity!.Name!, Name ?? string.Empty, Role ?? string.Empty, HttpContext.RequestAborted);
        NewKey = created.Key;
        return await DoneAsync(created.Problem, $"Created {Name?.Trim()}. Copy the key now: it is not shown again.");
    }

    public async Task<IActionResult> OnPostRevokeAsync() =>
        await DoneAsync(await directory.RevokeAsync(User.Identity!.Name!, Id ?? string.Empty, HttpContext.RequestAborted), "Key revoked: it stopped working now.");

    private async Task<IActionResult> DoneAsync(string? error, string success)
    {
        if (error is null)
        {
            Message = success;
        }
        else
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        // The page that shows a new key must not be kept by a browser or proxy.
        Response.Headers.CacheControl = "no-store";
        Keys = await directory.ListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
