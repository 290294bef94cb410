using Microsoft.Extensions.DependencyInjection.Extensions;

using RiskFlag.Core.Schema;

namespace RiskFlag.Web.Sharing;

public static partial class SharingServiceCollectionExtensions
{
    /// <summary>
    /// The shared database, read from configuration when first needed (test hosts add their settings after
    /// registration). Every feature that keeps state asks for it, so the first one registers it, and reading it from the
    /// earlier key is reported once, when it is read.
    /// </summary>
    public static IServiceCollection AddSharedDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var shared = new SharedDatabase(provider.GetRequiredService<IConfiguration>());
            if (shared.FromEarlierKey)
            {
                LogEarlierKey(provider.GetRequiredService<ILogger<SharedDatabase>>(), SharedDatabaseSetting.EarlierKey, SharedDatabaseSetting.Key);
            }

            return shared;
        });
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared database is read from {EarlierKey}; set {Key} instead (the earlier key will stop being read)")]
    private static partial void LogEarlierKey(ILogger logger, string earlierKey, string key);
}
