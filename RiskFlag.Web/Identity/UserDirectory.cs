using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using RiskFlag.Web.Audit;

namespace RiskFlag.Web.Identity;

/// <summary>
/// What an administrator does to users: create with roles, change roles, disable and enable. Disabling locks the
/// account for good and changes its security stamp, so its cookie stops working within a minute. Nothing here may
/// leave the site without an enabled administrator.
/// </summary>
public sealed class UserDirectory(UserManager<IdentityUser> users, AuditTrail audit)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var summaries = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            summaries.Add(new UserSummary(user.Email ?? user.UserName ?? user.Id, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)], IsDisabled(user)));
        }

        return summaries;
    }

    public async Task<string?> CreateAsync(string actor, string email, string password, IReadOnlyCollection<string> roles)
    {
        if (Unknown(roles) is { } problem)
        {
            return problem;
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Describe(created);
        }

        var outcome = roles.Count == 0 ? null : Describe(await users.AddToRolesAsync(user, roles));
        return await AuditedAsync(outcome, actor, AuditActions.UserCreated, email, RolesText(roles));
    }

    public async Task<string?> SetRolesAsync(string actor, string email, IReadOnlyCollection<string> roles)
    {
        if (Unknown(roles) is { } problem)
        {
            return problem;
        }

        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return $"No user {email}.";
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(RiskRoles.Admin) && !roles.Contains(RiskRoles.Admin) && !await AnotherEnabledAdminAsync(user))
        {
            return $"{email} is the only enabled administrator: make another one first.";
        }

        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded)
        {
            return Describe(removed);
        }

        var added = await users.AddToRolesAsync(user, roles.Except(current));
        var outcome = added.Succeeded ? Describe(await users.UpdateSecurityStampAsync(user)) : Describe(added);
        return await AuditedAsync(outcome, actor, AuditActions.UserRolesChanged, email, $"{RolesText(current)} → {RolesText(roles)}");
    }

    public async Task<string?> SetDisabledAsync(string actor, string email, bool disabled)
    {
        if (await users.FindByEmailAsync(email) is not { } user)
        {
            return $"No user {email}.";
        }

        if (disabled && await users.IsInRoleAsync(user, RiskRoles.Admin) && !await AnotherEnabledAdminAsync(user))
        {
            return $"{email} is the only enabled administrator: make another one first.";
        }

        await users.SetLockoutEnabledAsync(user, true);
        var locked = await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        var outcome = locked.Succeeded ? Describe(await users.UpdateSecurityStampAsync(user)) : Describe(locked);
        return await AuditedAsync(outcome, actor, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, email, string.Empty);
    }

    private async Task<string?> AuditedAsync(string? problem, string actor, string action, string email, string detail)
    {
        if (problem is null)
        {
            await audit.RecordAsync(actor, action, email, detail);
        }

        return problem;
    }

    private static string RolesText(IEnumerable<string> roles) => roles.Any() ? string.Join(", ", roles.Order(StringComparer.Ordinal)) : "no role";

    private static bool IsDisabled(IdentityUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    private async Task<bool> AnotherEnabledAdminAsync(IdentityUser except) =>
        (await users.GetUsersInRoleAsync(RiskRoles.Admin)).Any(u => u.Id != except.Id && !IsDisabled(u));

    private static string? Unknown(IEnumerable<string> roles) =>
        roles.FirstOrDefault(r => !RiskRoles.IsKnown(r)) is { } role ? $"Unknown role '{InputText(role)}': use {string.Join(", ", RiskRoles.All)}." : null;

    private static string InputText(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string? Describe(IdentityResult result) =>
        result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
}

public sealed record UserSummary(string Email, IReadOnlyList<string> Roles, bool Disabled);
