using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RiskFlag.Web.Identity;

/// <summary>Which policy each page needs; pages not named here get the fallback (any signed-in role).</summary>
public static class PagePolicies
{
    public static readonly IReadOnlyDictionary<string, string> Pages = new Dictionary<string, string>
    {
        ["/Index"] = RiskPolicies.Scoring,
        ["/Batch"] = RiskPolicies.Batch,
        ["/Decisions"] = RiskPolicies.Decisions,
        ["/Outcomes"] = RiskPolicies.Outcomes,
        ["/Performance"] = RiskPolicies.Performance,
        ["/Models"] = RiskPolicies.Operations,
        ["/Runs"] = RiskPolicies.Operations,
        ["/Run"] = RiskPolicies.Operations,
        ["/Runs/Compare"] = RiskPolicies.Operations,
        ["/Admin/Users"] = RiskPolicies.Administration,
        ["/Admin/ApiKeys"] = RiskPolicies.Administration,
        ["/Admin/Audit"] = RiskPolicies.Administration,
    };

    public static void Apply(RazorPagesOptions options)
    {
        foreach (var (page, policy) in Pages)
        {
            options.Conventions.AuthorizePage(page, policy);
        }

        // The error page is what any request may end on, signed in or not.
        options.Conventions.AllowAnonymousToPage("/Error");
    }
}
