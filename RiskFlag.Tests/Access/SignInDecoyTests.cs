using System.Net;
using System.Net.Http.Json;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Access;

/// <summary>
/// A sign-in with an e-mail that has no account does the same password-hashing work as a wrong password for one that
/// has, on the API and on the page, so the time it takes tells nothing. Counted, not timed: the hasher is wrapped.
/// </summary>
public sealed class SignInDecoyTests : IDisposable
{
    private readonly ModelDirectory _model = ModelDirectory.With(TrainedBundles.Shared.Primary);
    private readonly RiskFlagWebFactory _factory;
    private readonly WebApplicationFactory<RiskFlag.Web.Scoring.RiskScoringService> _counted;
    private readonly CountingHasher _hasher = new();

    public SignInDecoyTests()
    {
        _factory = new RiskFlagWebFactory(_model);
        _counted = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<IdentityUser>>(_hasher)));
    }

    public void Dispose()
    {
        _counted.Dispose();
        _factory.Dispose();
        _model.Dispose();
    }

    [Theory]
    [InlineData(RiskFlagWebFactory.AdminEmail)]
    [InlineData("nobody-here@riskflag.test")]
    public async Task A_failed_api_sign_in_checks_one_password_hash_whether_or_not_the_account_exists(string email)
    {
        using var client = Anonymous();
        var before = _hasher.Verifications;

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "not the password" });

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(1, _hasher.Verifications - before);
    }

    [Theory]
    [InlineData(RiskFlagWebFactory.AdminEmail)]
    [InlineData("nobody-here@riskflag.test")]
    public async Task A_failed_page_sign_in_checks_one_password_hash_whether_or_not_the_account_exists(string email)
    {
        var session = new PageSession(Anonymous());
        var token = await session.TokenAsync("/Account/SignIn");
        var before = _hasher.Verifications;

        var (status, html) = await session.PostFormAsync("/Account/SignIn", new Dictionary<string, string> { ["email"] = email, ["password"] = "not the password", [PageSession.TokenField] = token }, withToken: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Wrong e-mail or password.", html, StringComparison.Ordinal);
        Assert.Equal(1, _hasher.Verifications - before);
    }

    private HttpClient Anonymous()
    {
        var client = _counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
