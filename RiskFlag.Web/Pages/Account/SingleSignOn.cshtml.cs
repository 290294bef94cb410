using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Web.Identity.SingleSignOn;

namespace RiskFlag.Web.Pages.Account;

/// <summary>The sign-in page's single sign-on button: hands the browser to the authority, which sends it back to the page it came from.</summary>
[AllowAnonymous]
public sealed class SingleSignOnModel : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (!HttpContext.IsSingleSignOnConfigured())
        {
            return NotFound();
        }

        // Only a path on this site: never an open redirect.
        var properties = new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" };
        return Challenge(properties, SingleSignOnSchemes.OpenIdConnect);
    }
}
