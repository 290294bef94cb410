using System.Security.Claims;

namespace RiskFlag.Web.Identity.SingleSignOn;

/// <summary>
/// One mapping from the authority's claims to the site's user, for the pages' ID token and the API's access token alike:
/// a name, the subject, and the values of the role claim that are site roles. Every other claim is dropped, so the cookie
/// stays small and nothing but the configured claim grants a right.
/// </summary>
public static class SingleSignOnPrincipal
{
    public const string SubjectPrefix = "oidc:";

    public static ClaimsPrincipal From(ClaimsPrincipal token, SingleSignOnOptions options, string scheme)
    {
        var subject = token.FindFirst("sub")?.Value ?? string.Empty;
        var name = First(token, options.NameClaim) ?? First(token, "email") ?? subject;
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.NameIdentifier, SubjectPrefix + subject),
        };
        foreach (var role in RolesOf(token, options.RoleClaim))
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>A JSON array claim arrives as one claim a value; some authorities send one space-separated string instead.</summary>
    private static IEnumerable<string> RolesOf(ClaimsPrincipal token, string claim) => token.FindAll(claim)
        .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Where(RiskRoles.IsKnown)
        .Distinct(StringComparer.Ordinal);

    private static string? First(ClaimsPrincipal token, string claim) => token.FindFirst(claim)?.Value is { Length: > 0 } value ? value : null;
}
