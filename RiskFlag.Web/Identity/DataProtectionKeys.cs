using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

using RiskFlag.Web.Serving;
using RiskFlag.Web.Sharing;

namespace RiskFlag.Web.Identity;

/// <summary>
/// The keys that protect sign-in cookies, bearer tokens and antiforgery tokens. With a shared database they live in it
/// (beside the users), so a cookie or token issued by one instance is accepted by every other behind the load balancer;
/// otherwise in Auth:KeysDirectory, so a restart (or a new container on the same volume) does not sign everybody out.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "RiskFlag";

    public static IServiceCollection AddRiskDataProtection(this IServiceCollection services)
    {
        services.AddSharedDatabase();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((keys, provider) =>
            keys.XmlRepository = provider.GetRequiredService<SharedDatabase>().IsConfigured
                ? new EntityFrameworkCoreXmlRepository<IdentityStore>(provider, provider.GetRequiredService<ILoggerFactory>())
                : KeysDirectory(provider));
        return services;
    }

    /// <summary>
    /// Makes sure the key ring has a key, at start and under the store's start-up lock: instances starting together on
    /// a new database then share the first one's key rather than each making its own (each would accept the others'
    /// cookies only after refreshing its ring).
    /// </summary>
    public static void EnsureKey(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("RiskFlag.KeyRing").Protect([1]);

    private static FileSystemXmlRepository KeysDirectory(IServiceProvider provider)
    {
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var configured = provider.GetRequiredService<IOptions<AuthOptions>>().Value.KeysDirectory;
        var directory = ModelPathResolver.Resolve(configured, environment.ContentRootPath, Directory.GetCurrentDirectory());
        return new FileSystemXmlRepository(Directory.CreateDirectory(directory), provider.GetRequiredService<ILoggerFactory>());
    }
}
