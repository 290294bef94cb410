using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using RiskFlag.Web.Identity;
using RiskFlag.Web.Identity.SingleSignOn;

namespace RiskFlag.Web.Pages.Account;

/// <summary>The pages' sign-in: Identity's password check with lockout, then the Identity cookie; or the authority's, when set up.</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestLimits.SignIn)]
public sealed class SignInModel(SignInManager<IdentityUser> signIn, SignInDecoy decoy, IOptions<SingleSignOnOptions> singleSignOn) : PageModel
{
    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(Name = "returnUrl", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool HasUsers { get; private set; } = true;

    public string? Error { get; private set; }

    /// <summary>The authority's name on the button, when single sign-on is set up.</summary>
    public string? SingleSignOn => singleSignOn.Value.IsConfigured ? singleSignOn.Value.DisplayName : null;

    public async Task OnGetAsync(string? sso)
    {
        HasUsers = await signIn.UserManager.Users.AnyAsync();
        if (sso == "failed")
        {
            Error = "Single sign-on did not complete: try again, or ask an administrator whether your account may use this site.";
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        HasUsers = await signIn.UserManager.Users.AnyAsync();
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Enter your e-mail and password.");
        }

        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        var result = user is null ? decoy.Refuse(signIn.UserManager, Password) : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // Only a path on this site: never an open redirect.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        return result.IsLockedOut
            ? Refuse(StatusCodes.Status401Unauthorized, "This account is locked (too many failed sign-ins, or disabled): try again later or ask an administrator.")
            : Refuse(StatusCodes.Status401Unauthorized, "Wrong e-mail or password.");
    }

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}
