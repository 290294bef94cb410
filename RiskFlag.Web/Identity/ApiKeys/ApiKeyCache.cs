using System.Collections.Concurrent;

using Microsoft.EntityFrameworkCore;

namespace RiskFlag.Web.Identity.ApiKeys;

/// <summary>
/// Active keys by id, so a key on the scoring path costs a dictionary look-up and a SHA-256, not a database query.
/// A revoke on this instance removes its entry at once; an entry also expires after <see cref="Lifetime"/>, which
/// bounds how long a key revoked on another instance keeps working here. Unknown ids are not cached, so random ids
/// cannot fill memory.
/// </summary>
public sealed class ApiKeyCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<ActiveApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(id, out var cached) && now - cached.LoadedAt < Lifetime)
        {
            return cached.Key;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        var key = await store.ApiKeys.AsNoTracking()
            .Where(k => k.Id == id && k.RevokedAt == null)
            .Select(k => new ActiveApiKey(k.Id, k.Name, k.Role, k.SecretHash))
            .FirstOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            _entries.TryRemove(id, out _);
            return null;
        }

        _entries[id] = new Entry(key, now);
        return key;
    }

    public void Forget(string id) => _entries.TryRemove(id, out _);

    private sealed record Entry(ActiveApiKey Key, DateTimeOffset LoadedAt);
}

public sealed record ActiveApiKey(string Id, string Name, string Role, byte[] SecretHash);
