using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

using RiskFlag.Core.Model;
using RiskFlag.Web.Api;
using RiskFlag.Web.Batch;
using RiskFlag.Web.Health;
using RiskFlag.Web.Monitoring;
using RiskFlag.Web.Scoring;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web;

public static class RiskScoringServiceCollectionExtensions
{
    /// <summary>
    /// The prediction engine pool (champion, and a challenger when configured), the one scoring service, shadow scoring
    /// with the challenger, batch scoring and readiness.
    /// </summary>
    public static IServiceCollection AddRiskScoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ModelOptions>(configuration.GetSection(ModelOptions.Section));
        services.Configure<BatchOptions>(configuration.GetSection(BatchOptions.Section));
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.Configure<ShadowOptions>(configuration.GetSection(ShadowOptions.Section));
        services.TryAddSingletonTimeProvider();

        // Paths are read when the pool is built: hosts (and tests) may add configuration after this registration.
        services.AddPredictionEnginePool<ApplicantInput, RiskPrediction>()
            .FromFile(ModelNames.Champion, provider => provider.GetRequiredService<IOptions<ModelOptions>>().Value.Path, watchForChanges: true)
            .FromFile(ModelNames.Challenger, provider => provider.GetRequiredService<IOptions<ModelOptions>>().Value.ResolvedChallengerPath, watchForChanges: true);

        services.AddSingleton<IServableModelLoader, ModelLoader>();
        services.AddSingleton<IModelReloadObserver, ReloadMetricsObserver>();
        services.AddSingleton<RiskScoringService>();
        services.AddSingleton<ShadowBacklog>();
        services.AddHostedService<ShadowScoringService>();

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
