using System.Security.Claims;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Access;

/// <summary>Remembered credentials never outlive themselves or the cache's bound, and only good ones are remembered.</summary>
public sealed class ValidatedCredentialsTests : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly ValidatedCredentials _cache;

    public ValidatedCredentialsTests() => _cache = new ValidatedCredentials(_clock);

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void A_credential_is_forgotten_when_it_expires()
    {
        _cache.Keep("k", "token", "value", _clock.GetUtcNow().AddSeconds(90));

        _clock.Advance(TimeSpan.FromSeconds(89));
        Assert.True(_cache.TryGet<string>("k", "token", out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_cache.TryGet<string>("k", "token", out _));
    }

    [Fact]
    public void A_long_lived_credential_is_checked_again_after_the_caches_lifetime()
    {
        _cache.Keep("k", "token", "value", _clock.GetUtcNow().AddDays(30));

        _clock.Advance(ValidatedCredentials.Lifetime - TimeSpan.FromSeconds(1));
        Assert.True(_cache.TryGet<string>("k", "token", out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(_cache.TryGet<string>("k", "token", out _));
    }

    [Fact]
    public void Kinds_do_not_share_entries()
    {
        _cache.Keep("jwt", "token", "value", _clock.GetUtcNow().AddMinutes(1));

        Assert.False(_cache.TryGet<string>("identity-bearer", "token", out _));
    }

    [Fact]
    public void The_ticket_protector_reads_a_token_once_and_hands_each_request_its_own_principal()
    {
        var inner = new CountingFormat(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));
        var protector = new CachedTicketProtector(inner, _cache);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ana"), new Claim(ClaimTypes.Role, "analyst")], "test"));
        var token = protector.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = _clock.GetUtcNow().AddHours(1) }, "test"));

        var first = protector.Unprotect(token)!;
        var second = protector.Unprotect(token)!;

        Assert.Equal(1, inner.Reads);
        Assert.NotSame(first.Principal, second.Principal);
        Assert.Equal("ana", second.Principal.Identity!.Name);
        Assert.True(second.Principal.IsInRole("analyst"));
    }

    [Fact]
    public void A_token_that_does_not_read_is_not_remembered()
    {
        var inner = new CountingFormat(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("test")));
        var protector = new CachedTicketProtector(inner, _cache);

        Assert.Null(protector.Unprotect("not-a-token"));
        Assert.Null(protector.Unprotect("not-a-token"));
        Assert.Equal(2, inner.Reads);
    }

    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return inner.Unprotect(protectedText, purpose);
        }
    }
}
