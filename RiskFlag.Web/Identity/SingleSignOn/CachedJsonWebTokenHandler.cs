using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RiskFlag.Web.Identity.SingleSignOn;

/// <summary>
/// The JWT handler, remembering tokens that passed validation (<see cref="ValidatedCredentials"/>): an RS256 signature check
/// costs more than the prediction it guards. A token is kept no longer than it is valid, so nothing is accepted that
/// the handler would refuse, bar a signing key withdrawn in the last <see cref="ValidatedCredentials.Lifetime"/>.
/// </summary>
public sealed class CachedJsonWebTokenHandler(ValidatedCredentials cache) : JsonWebTokenHandler
{
    private const string Kind = "jwt";

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (cache.TryGet<TokenValidationResult>(Kind, token, out var known))
        {
            return known;
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { ValidTo: var validTo } && validTo > DateTime.MinValue)
        {
            cache.Keep(Kind, token, result, new DateTimeOffset(validTo, TimeSpan.Zero));
        }

        return result;
    }
}
