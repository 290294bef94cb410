using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Prometheus's static bearer token for GET /metrics (Auth:MetricsToken or Auth:MetricsTokenFile): scrapers cannot sign in,
/// and a user's short-lived token would expire under them. Anything else is left to the other schemes (no result).
/// </summary>
public sealed class ScrapeTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, ScrapeToken token)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ScrapeToken";

    /// <summary>The role a valid scrape token carries: it opens /metrics and nothing else.</summary>
    public const string Role = "prometheus";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!token.Matches(BearerToken.Of(Request)))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Role), new Claim(ClaimTypes.Role, Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>The configured scrape token, read once; compared by hash in constant time.</summary>
public sealed class ScrapeToken
{
    private readonly byte[]? _hash;

    public ScrapeToken(IOptions<AuthOptions> options)
    {
        var value = options.Value.MetricsToken;
        if (string.IsNullOrEmpty(value) && !string.IsNullOrEmpty(options.Value.MetricsTokenFile))
        {
            value = File.ReadAllText(options.Value.MetricsTokenFile).Trim();
        }

        _hash = string.IsNullOrEmpty(value) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    public bool IsConfigured => _hash is not null;

    public bool Matches(string? given) =>
        _hash is not null && !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
