using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Web.Identity;
using RiskFlag.Web.Identity.SingleSignOn;

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
        if (HttpContext.IsSingleSignOnConfigured())
        {
            // The site's session only: the authority's own session is its business (and other applications').
            await HttpContext.SignOutAsync(SingleSignOnSchemes.Cookie);
        }

        return LocalRedirect(SignInPaths.SignIn);
    }
}
