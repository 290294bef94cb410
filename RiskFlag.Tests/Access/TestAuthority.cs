using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RiskFlag.Tests.Access;

/// <summary>Who signs in at the authority next: a subject, an e-mail and the values of its "roles" claim.</summary>
public sealed record AuthorityUser(string Subject, string Email, params string[] Roles);

/// <summary>
/// A stand-in OpenID Connect authority on 127.0.0.1 (a free port): discovery, a signing key set, an authorize endpoint that
/// signs in <see cref="NextUser"/> at once (or refuses when it is null), and a token endpoint for the code flow. Its tokens
/// are signed with a test RSA key made per instance. Stopped on dispose.
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    public const string ClientId = "riskflag-test";
    public const string ClientSecret = "test-client-secret";

    private static readonly string[] CodeFlow = ["code"];
    private static readonly string[] PublicSubjects = ["public"];
    private static readonly string[] SigningAlgorithms = [SecurityAlgorithms.RsaSha256];

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string? Nonce, AuthorityUser User)> _codes = new(StringComparer.Ordinal);

    private TestAuthority(WebApplication app) => _app = app;

    public RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "test-key-1" };

    public string Issuer => _app.Urls.Single().TrimEnd('/');

    public AuthorityUser? NextUser { get; set; }

    /// <summary>The query of each authorize request, so a test can see what the site asked for (PKCE, scopes).</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    public static async Task<TestAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var authority = new TestAuthority(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority.Issuer,
            ["authorization_endpoint"] = authority.Issuer + "/authorize",
            ["token_endpoint"] = authority.Issuer + "/token",
            ["jwks_uri"] = authority.Issuer + "/jwks",
            ["response_types_supported"] = CodeFlow,
            ["subject_types_supported"] = PublicSubjects,
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        }));
        app.MapGet("/jwks", () => Results.Json(new { keys = new[] { authority.PublicKey() } }));
        app.MapGet("/authorize", authority.Authorize);
        app.MapPost("/token", (Func<HttpContext, Task<IResult>>)authority.TokenAsync);
        await app.StartAsync();
        return authority;
    }

    /// <summary>A JWT as this authority (or, with other arguments, a forger or a stale one) would sign it.</summary>
    public string Token(AuthorityUser user, string? audience = ClientId, TimeSpan? expiresIn = null, SecurityKey? key = null, string? issuer = null, string? nonce = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["sub"] = user.Subject,
            ["email"] = user.Email,
            ["preferred_username"] = user.Email,
            ["roles"] = user.Roles,
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddHours(-1) : now,
            NotBefore = expires < now ? expires.AddHours(-1) : now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SigningKey.Rsa.Dispose();
    }

    private Dictionary<string, string> PublicKey()
    {
        var parameters = SigningKey.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = SigningKey.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        AuthorizeRequests.Enqueue(query);
        if (query["client_id"] != ClientId)
        {
            return Results.BadRequest("unknown client");
        }

        var back = $"{query["redirect_uri"]}?state={Uri.EscapeDataString(query["state"].ToString())}";
        if (NextUser is not { } user)
        {
            return Results.Redirect(back + "&error=access_denied");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (query["nonce"], user);
        return Results.Redirect($"{back}&code={code}");
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Json(new Dictionary<string, object>
        {
            ["id_token"] = Token(grant.User, nonce: grant.Nonce),
            ["access_token"] = Token(grant.User),
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
        });
    }
}
