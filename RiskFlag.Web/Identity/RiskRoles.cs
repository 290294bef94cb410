namespace RiskFlag.Web.Identity;

/// <summary>The site's roles. Each role's rights are the policies in <see cref="RiskPolicies"/> that name it.</summary>
public static class RiskRoles
{
    public const string Officer = "officer";
    public const string Analyst = "analyst";
    public const string Operator = "operator";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Officer, Analyst, Operator, Auditor, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
