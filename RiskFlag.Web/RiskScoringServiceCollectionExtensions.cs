using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

using RiskFlag.Web.Api;
using RiskFlag.Web.Batch;
using RiskFlag.Web.Health;
using RiskFlag.Web.Model;

namespace RiskFlag.Web;

public static class RiskScoringServiceCollectionExtensions
{
    /// <summary>The hot-reloading model, batch scoring and readiness.</summary>
    public static IServiceCollection AddRiskScoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ModelOptions>(configuration.GetSection(ModelOptions.Section));
        services.Configure<BatchOptions>(configuration.GetSection(BatchOptions.Section));
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.TryAddSingletonTimeProvider();

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ModelOptions>>().Value;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var path = ModelPathResolver.Resolve(options.Path, environment.ContentRootPath, Directory.GetCurrentDirectory());
            return new ModelHost(path, new ReloadHistory(options.HistoryLength));
        });
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelReloadService>();
        services.AddHostedService(provider => provider.GetRequiredService<ModelReloadService>());

        services.AddSingleton<BatchResultStore>();
        services.AddSingleton<BatchRunner>();
        // Uploads are limited per request (RequestBodyLimit); the form reader must not stop earlier.
        services.AddOptions<FormOptions>().Configure<IOptions<BatchOptions>>((form, batch) =>
            form.MultipartBodyLengthLimit = Math.Max(form.MultipartBodyLengthLimit, batch.Value.MaxUploadBytes));

        services.AddRiskHealthChecks();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
