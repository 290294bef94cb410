using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RiskFlag.Web.Identity.ApiKeys;

/// <summary>
/// Signs in a service by its API key (<c>Authorization: Bearer rfk_…</c>). The key's principal is named
/// <c>key:&lt;name&gt;</c> and holds the key's one role, so the same policies and per-caller limits apply to it.
/// </summary>
public sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string NamePrefix = "key:";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken.Of(Request);
        if (!ApiKeyText.LooksLikeKey(token))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyText.TryParse(token, out var id, out var secret)
            || await keys.FindAsync(id, Context.RequestAborted) is not { } key
            || !CryptographicOperations.FixedTimeEquals(key.SecretHash, ApiKeyText.Hash(secret)))
        {
            return AuthenticateResult.Fail("The API key is malformed, unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(ClaimTypes.Name, NamePrefix + key.Name), new Claim(ClaimTypes.Role, key.Role)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
