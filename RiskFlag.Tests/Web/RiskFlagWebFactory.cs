using System.Collections.Concurrent;
using System.Net.Http.Headers;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Web.Identity;

namespace RiskFlag.Tests.Web;

/// <summary>The site in-process, serving the bundle of one <see cref="ModelDirectory"/>, with settings a test can override.</summary>
/// <remarks>
/// The type argument only names the site's assembly. It is not Program because the training CLI, also referenced
/// here, has a Program of its own. Clients from <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> act as the
/// administrator (every right); <see cref="CreateClient(string)"/> acts as a user holding one role, and
/// <see cref="CreateAnonymousClient"/> as nobody.
/// </remarks>
public sealed class RiskFlagWebFactory(ModelDirectory model, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<RiskFlag.Web.Scoring.RiskScoringService>
{
    public const string AdminEmail = "admin@riskflag.test";
    public const string Password = "Correct-Horse-42";
    public const string ScrapeToken = "test-scrape-token";

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    // Set while an anonymous client is made, so making it neither adds a token nor creates the administrator's test user.
    private readonly AsyncLocal<bool> _anonymous = new();

    public ModelDirectory Model { get; } = model;

    /// <summary>The e-mail of the test user holding only <paramref name="role"/>.</summary>
    public static string EmailOf(string role) => role == RiskRoles.Admin ? AdminEmail : $"{role}@riskflag.test";

    /// <summary>A client acting as a user who holds only <paramref name="role"/> (created on first use).</summary>
    public HttpClient CreateClient(string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(role));
        return client;
    }

    /// <summary>A client without credentials that does not follow redirects, so a page's redirect to the sign-in page is seen.</summary>
    public HttpClient CreateAnonymousClient(Uri? baseAddress = null)
    {
        _anonymous.Value = true;
        try
        {
            var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
            if (baseAddress is not null)
            {
                options.BaseAddress = baseAddress;
            }

            return CreateClient(options);
        }
        finally
        {
            _anonymous.Value = false;
        }
    }

    /// <summary>
    /// An Identity bearer token for the role's test user, made by the same service as POST /api/auth/login's, so
    /// most tests need not spend a sign-in (and its rate limit).
    /// </summary>
    public string TokenFor(string role) => _tokens.GetOrAdd(role, r =>
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = EmailOf(r);
        var user = users.FindByEmailAsync(email).GetAwaiter().GetResult();
        if (user is null)
        {
            // Made the way the Users page makes them.
            var error = scope.ServiceProvider.GetRequiredService<UserDirectory>().CreateAsync("test setup", email, Password, [r]).GetAwaiter().GetResult();
            Assert.True(error is null, error);
            user = users.FindByEmailAsync(email).GetAwaiter().GetResult()!;
        }

        var principal = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>().CreateUserPrincipalAsync(user).GetAwaiter().GetResult();
        return Services.GetRequiredService<AccessTokens>().Issue(principal).AccessToken;
    });

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (!_anonymous.Value)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(RiskRoles.Admin));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Model:Path"] = Model.BundlePath,
                ["Model:DebounceMilliseconds"] = "100",
                ["Batch:WorkDirectory"] = Model.WorkPath,
                ["Decisions:Database"] = System.IO.Path.Combine(Model.Path, "decisions.db"),
                ["Registry:Directory"] = System.IO.Path.Combine(Model.Path, "registry"),
                ["Tracking:Directory"] = System.IO.Path.Combine(Model.Path, "mlruns"),
                ["Auth:Database"] = System.IO.Path.Combine(Model.Path, "identity.db"),
                ["Auth:KeysDirectory"] = System.IO.Path.Combine(Model.Path, "keys"),
                ["Auth:AdminEmail"] = AdminEmail,
                ["Auth:AdminPassword"] = Password,
                ["Auth:MetricsToken"] = ScrapeToken,
                ["Auth:SignInPermitsPerMinute"] = "1000",
                // Load tests send thousands of requests a second as one user; the limit's own tests turn it back on.
                ["Auth:ScoringPermitsPerSecond"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            configuration.AddInMemoryCollection(values);
        });
    }
}
