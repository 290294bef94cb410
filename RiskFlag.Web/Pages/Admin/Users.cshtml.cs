using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Web.Identity;

namespace RiskFlag.Web.Pages.Admin;

/// <summary>Users and their roles, for administrators: create, change roles, disable and enable.</summary>
public sealed class UsersModel(UserDirectory directory) : PageModel
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "roles")]
    public List<string> Roles { get; set; } = [];

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync() => Users = await directory.ListAsync();

    public Task<IActionResult> OnPostCreateAsync() =>
        string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password)
            ? DoneAsync(Task.FromResult<string?>("Enter the new user's e-mail and a password."), string.Empty)
            : DoneAsync(directory.CreateAsync(Actor, Email.Trim(), Password, Roles), $"Created {Email.Trim()}.");

    public Task<IActionResult> OnPostRolesAsync() => DoneAsync(directory.SetRolesAsync(Actor, Email?.Trim() ?? string.Empty, Roles), $"Roles of {Email} set.");

    public Task<IActionResult> OnPostDisableAsync() => DoneAsync(directory.SetDisabledAsync(Actor, Email?.Trim() ?? string.Empty, disabled: true), $"{Email} disabled.");

    public Task<IActionResult> OnPostEnableAsync() => DoneAsync(directory.SetDisabledAsync(Actor, Email?.Trim() ?? string.Empty, disabled: false), $"{Email} enabled.");

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> DoneAsync(Task<string?> change, string success)
    {
        var error = await change;
        if (error is null)
        {
            Message = success;
        }
        else
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Users = await directory.ListAsync();
        return Page();
    }
}
