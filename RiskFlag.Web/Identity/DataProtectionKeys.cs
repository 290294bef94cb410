using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Identity;

/// <summary>
/// The keys that protect sign-in cookies, bearer tokens and antiforgery tokens, kept in Auth:KeysDirectory so a restart
/// (or a new container on the same volume) does not sign everybody out.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "RiskFlag";

    public static IServiceCollection AddRiskDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IHostEnvironment, IOptions<AuthOptions>, ILoggerFactory>((keys, environment, auth, loggers) =>
        {
            var directory = ModelPathResolver.Resolve(auth.Value.KeysDirectory, environment.ContentRootPath, Directory.GetCurrentDirectory());
            keys.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(directory), loggers);
        });
        return services;
    }
}
