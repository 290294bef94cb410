using Microsoft.AspNetCore.Authentication;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Identity's bearer token protector, remembering the tickets it has read (<see cref="ValidatedCredentials"/>). The bearer
/// handler still checks each ticket's expiry on every request; each request gets its own copy of the principal.
/// </summary>
public sealed class CachedTicketProtector(ISecureDataFormat<AuthenticationTicket> inner, ValidatedCredentials cache) : ISecureDataFormat<AuthenticationTicket>
{
    private const string Kind = "identity-bearer";

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (cache.TryGet<AuthenticationTicket>(Kind, protectedText, out var known))
        {
            return known.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc is { } expires)
        {
            cache.Keep(Kind, protectedText, ticket.Clone(), expires);
        }

        return ticket;
    }
}
