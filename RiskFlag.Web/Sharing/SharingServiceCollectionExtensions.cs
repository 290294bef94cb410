using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RiskFlag.Web.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>
    /// The shared database, read from configuration when first needed (test hosts add their settings after
    /// registration). Every feature that keeps state asks for it, so the first one registers it.
    /// </summary>
    public static IServiceCollection AddSharedDatabase(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new SharedDatabase(provider.GetRequiredService<IConfiguration>()));
        return services;
    }
}
