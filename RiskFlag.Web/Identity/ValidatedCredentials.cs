using Microsoft.Extensions.Caching.Memory;

namespace RiskFlag.Web.Identity;

/// <summary>
/// What a bearer credential was found to be when it was last checked, so a client sending the same token on every request
/// pays the decryption or signature check once instead of each time (tens of microseconds; a predict is about 45).
/// Only credentials that passed are kept, never past their own expiry and at most <see cref="Lifetime"/>, and at most
/// <see cref="Capacity"/> of them, so a flood of made-up tokens neither fills memory nor gets cached.
/// </summary>
public sealed class ValidatedCredentials(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public const int Capacity = 10_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool TryGet<T>(string kind, string token, out T value)
        where T : class
    {
        if (_cache.TryGetValue((kind, token), out var found) && found is Entry<T> entry && clock.GetUtcNow() < entry.Until)
        {
            value = entry.Value;
            return true;
        }

        value = null!;
        return false;
    }

    public void Keep<T>(string kind, string token, T value, DateTimeOffset expires)
        where T : class
    {
        var now = clock.GetUtcNow();
        var until = Min(expires, now + Lifetime);
        if (until > now)
        {
            // The entry's own deadline decides (on the injected clock); the cache's expiry only frees the memory.
            _cache.Set((kind, token), new Entry<T>(value, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = until - now });
        }
    }

    public void Dispose() => _cache.Dispose();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Entry<T>(T Value, DateTimeOffset Until);
}
