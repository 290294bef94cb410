using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Access;

/// <summary>A <see cref="TestAuthority"/> and a site set up to use it (Auth:Oidc), shared by a test class.</summary>
public sealed class SingleSignOnSite : IAsyncLifetime, IDisposable
{
    public const string DisplayName = "Test IdP";

    private ServedSite? _site;

    public TestAuthority Authority { get; private set; } = null!;

    public RiskFlagWebFactory Factory => _site!.Factory;

    public async Task InitializeAsync()
    {
        Authority = await TestAuthority.StartAsync();
        _site = new Site(new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = Authority.Issuer,
            ["Auth:Oidc:ClientId"] = TestAuthority.ClientId,
            ["Auth:Oidc:ClientSecret"] = TestAuthority.ClientSecret,
            ["Auth:Oidc:DisplayName"] = DisplayName,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await Authority.DisposeAsync();
    }

    public void Dispose()
    {
        _site?.Dispose();
        _site = null;
    }

    private sealed class Site(IReadOnlyDictionary<string, string?> settings) : ServedSite(TrainedBundles.Shared.Primary, settings);
}
