using Microsoft.EntityFrameworkCore;

using RiskFlag.Web.Audit;

namespace RiskFlag.Web.Identity.ApiKeys;

/// <summary>
/// What an administrator does to API keys: create one (its text is returned once and never stored), list, revoke.
/// A key holds one role, never admin: users and keys are managed by people who sign in.
/// </summary>
public sealed class ApiKeyDirectory(IdentityStore store, ApiKeyCache cache, AuditTrail audit, TimeProvider clock)
{
    public const int NameLength = 100;

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await store.ApiKeys.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(k => k.RevokedAt is not null).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Role, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy))
            .ToList();

    public async Task<ApiKeyCreation> CreateAsync(string actor, string name, string role, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > NameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return ApiKeyCreation.Refused($"A key's name is 1 to {NameLength} letters, digits, '-', '_' or '.'.");
        }

        if (!RiskRoles.IsKnown(role) || role == RiskRoles.Admin)
        {
            return ApiKeyCreation.Refused($"A key holds one of {string.Join(", ", RiskRoles.All.Where(r => r != RiskRoles.Admin))}.");
        }

        if (await store.ApiKeys.AnyAsync(k => k.Name == name, cancellationToken))
        {
            return ApiKeyCreation.Refused($"A key named {name} exists already (names are not reused, also after a revoke).");
        }

        var (id, secret) = ApiKeyText.NewKey();
        store.ApiKeys.Add(new ApiKey { Id = id, Name = name, Role = role, SecretHash = ApiKeyText.Hash(secret), CreatedAt = clock.GetUtcNow(), CreatedBy = actor });
        try
        {
            await store.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiKeyCreation.Refused($"A key named {name} exists already (names are not reused, also after a revoke).");
        }

        await audit.RecordAsync(actor, AuditActions.ApiKeyCreated, ApiKeyHandler.NamePrefix + name, $"role {role}", cancellationToken);
        return new ApiKeyCreation(ApiKeyText.Format(id, secret), null);
    }

    public async Task<string?> RevokeAsync(string actor, string id, CancellationToken cancellationToken = default)
    {
        if (await store.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken) is not { } key)
        {
            return "No such key.";
        }

        if (key.RevokedAt is not null)
        {
            return $"{key.Name} was revoked already.";
        }

        key.RevokedAt = clock.GetUtcNow();
        key.RevokedBy = actor;
        await store.SaveChangesAsync(cancellationToken);
        cache.Forget(id);
        await audit.RecordAsync(actor, AuditActions.ApiKeyRevoked, ApiKeyHandler.NamePrefix + key.Name, $"role {key.Role}", cancellationToken);
        return null;
    }
}

public sealed record ApiKeySummary(string Id, string Name, string Role, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>The new key's text (shown once) or why none was made.</summary>
public sealed record ApiKeyCreation(string? Key, string? Problem)
{
    public static ApiKeyCreation Refused(string problem) => new(null, problem);
}
