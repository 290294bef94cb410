using Microsoft.AspNetCore.Authorization;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Every page and endpoint names one of these policies (the fallback is <see cref="SignedIn"/>), so who may do what is
/// read here and nowhere else. Rights grow officer → analyst → operator; an auditor reads decisions only; an admin may do
/// everything, users and API keys included.
/// </summary>
public static class RiskPolicies
{
    /// <summary>Any user holding one of the site's roles: the model page, the API reference.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>The form and POST /api/predict.</summary>
    public const string Scoring = "scoring";

    /// <summary>The batch page and POST /api/predict/batch.</summary>
    public const string Batch = "batch";

    /// <summary>Decision search and export.</summary>
    public const string Decisions = "decisions";

    /// <summary>Posting loan outcomes (the page and POST /api/outcomes): analysts, or a service's API key with the analyst role.</summary>
    public const string Outcomes = "outcomes";

    /// <summary>Live performance (the page and GET /api/performance).</summary>
    public const string Performance = "performance";

    /// <summary>Runs, the registry (promote, rollback) and reloading the model.</summary>
    public const string Operations = "operations";

    /// <summary>Users and API keys.</summary>
    public const string Administration = "administration";

    /// <summary>GET /metrics: operators, or Prometheus with the scrape token.</summary>
    public const string Metrics = "metrics";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [SignedIn] = [.. RiskRoles.All],
        [Scoring] = [RiskRoles.Officer, RiskRoles.Analyst, RiskRoles.Operator, RiskRoles.Admin],
        [Batch] = [RiskRoles.Analyst, RiskRoles.Operator, RiskRoles.Admin],
        [Decisions] = [RiskRoles.Analyst, RiskRoles.Auditor, RiskRoles.Operator, RiskRoles.Admin],
        [Outcomes] = [RiskRoles.Analyst, RiskRoles.Operator, RiskRoles.Admin],
        [Performance] = [RiskRoles.Analyst, RiskRoles.Operator, RiskRoles.Admin],
        [Operations] = [RiskRoles.Operator, RiskRoles.Admin],
        [Administration] = [RiskRoles.Admin],
        [Metrics] = [RiskRoles.Operator, RiskRoles.Admin, ScrapeTokenHandler.Role],
    };

    /// <summary>Whether the user's roles meet the policy: what the navigation shows, the same table the policies are built from.</summary>
    public static bool Allows(System.Security.Claims.ClaimsPrincipal user, string policy) => Roles[policy].Any(user.IsInRole);

    public static AuthorizationBuilder AddRiskPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (name, roles) in Roles)
        {
            builder.AddPolicy(name, policy =>
            {
                policy.RequireAuthenticatedUser().RequireRole(roles);
                if (name == Metrics)
                {
                    policy.AddAuthenticationSchemes(SchemeSelector.Scheme, ScrapeTokenHandler.SchemeName);
                }
            });
        }

        // Anything not given a policy of its own still needs a signed-in user with a role: nothing is open by omission.
        return builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(RiskRoles.All).Build());
    }
}
