using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Web.Identity;

namespace RiskFlag.Web.Pages.Account;

/// <summary>Sign-out is a POST (with the antiforgery token), so a link elsewhere cannot sign a user out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<IdentityUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect(SignInPaths.SignIn);
    }
}
