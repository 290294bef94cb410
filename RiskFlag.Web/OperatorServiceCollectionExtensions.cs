using Microsoft.Extensions.Options;

using RiskFlag.Core.Registry;
using RiskFlag.Core.Tracking;
using RiskFlag.Web.Registry;
using RiskFlag.Web.Runs;
using RiskFlag.Web.Serving;
using RiskFlag.Web.Sharing;

namespace RiskFlag.Web;

public static class OperatorServiceCollectionExtensions
{
    /// <summary>What the Models and Runs pages read: the model registry and the tracking folder.</summary>
    public static IServiceCollection AddOperatorPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiteRegistryOptions>(configuration.GetSection(SiteRegistryOptions.Section));
        services.Configure<TrackingOptions>(configuration.GetSection(TrackingOptions.Section));
        services.AddSharedDatabase();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SiteRegistryOptions>>().Value;
            var registry = new RegistryOptions
            {
                Directory = ResolveDirectory(provider, options.Directory, "registry.db"),
                ServedBundlePath = provider.GetRequiredService<RiskEnginePool>().Slot(ModelNames.Champion).Path,
                ServedChallengerPath = provider.GetRequiredService<RiskEnginePool>().Slot(ModelNames.Challenger).Path,
                MaxRocAucDrop = options.MaxRocAucDrop,
                MinLiveOutcomes = options.MinLiveOutcomes,
                MaxLiveAucDrop = options.MaxLiveAucDrop,
            };
            var shared = provider.GetRequiredService<SharedDatabase>();
            return shared.IsConfigured
                ? new SiteRegistry(registry, new PostgresModelRegistryStore(shared.ConnectionString, registry.Directory))
                : new SiteRegistry(registry);
        });
        services.AddSingleton<RegistryFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<RegistryFollower>());
        services.AddHealthChecks().AddCheck<RegistrySkewHealthCheck>("registry", tags: [Health.HealthEndpointRouteBuilderExtensions.ReadyTag]);

        // Training records into the default experiment, so its meta.yaml marks the folder.
        var experimentMeta = Path.Combine(MlflowFileStore.ExperimentIdOf(MlflowFileStore.DefaultExperiment), "meta.yaml");
        services.AddSingleton(provider => new MlflowFileStore(
            Path.GetDirectoryName(ResolveDirectory(provider, provider.GetRequiredService<IOptions<TrackingOptions>>().Value.Directory, experimentMeta))!));
        return services;
    }

    /// <summary>Finds a folder the way Model:Path is found, by a file or folder it is known to contain.</summary>
    /// <returns>The folder holding <paramref name="marker"/> (which may be a relative path inside the configured folder).</returns>
    private static string ResolveDirectory(IServiceProvider provider, string configured, string marker)
    {
        var environment = provider.GetRequiredService<IHostEnvironment>();
        if (Path.IsPathRooted(configured))
        {
            return Path.GetDirectoryName(Path.GetFullPath(Path.Combine(configured, marker)))!;
        }

        var found = ModelPathResolver.Resolve(Path.Combine(configured, marker), environment.ContentRootPath, Directory.GetCurrentDirectory());
        return Path.GetDirectoryName(found)!;
    }
}
