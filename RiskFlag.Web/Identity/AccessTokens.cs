using System.Security.Claims;
using System.Text.Json.Serialization;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Identity bearer tokens: the user's principal protected by the bearer scheme's own protector, so the bearer handler
/// validates them as it validates the ones its sign-in writes.
/// </summary>
public sealed class AccessTokens(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public AccessTokenResponse Issue(ClaimsPrincipal user)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow().Add(bearer.BearerTokenExpiration) };
        var token = bearer.BearerTokenProtector.Protect(new AuthenticationTicket(user, properties, IdentityConstants.BearerScheme));
        return new AccessTokenResponse(token, (long)bearer.BearerTokenExpiration.TotalSeconds);
    }
}

/// <summary>The shape of MapIdentityApi's /login answer (camelCase, as Identity clients expect), without its refresh token.</summary>
public sealed record AccessTokenResponse(
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("expiresIn")] long ExpiresIn)
{
    [JsonPropertyName("tokenType")]
    public string TokenType => "Bearer";
}
