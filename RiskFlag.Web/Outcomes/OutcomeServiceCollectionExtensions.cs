using RiskFlag.Core.Outcomes;
using RiskFlag.Web.Decisions;
using RiskFlag.Web.Sharing;

namespace RiskFlag.Web.Outcomes;

public static class OutcomeServiceCollectionExtensions
{
    /// <summary>
    /// Outcomes, kept where the decision log is (its SQLite file, or its PostgreSQL database), and the live performance
    /// measured from them.
    /// </summary>
    public static IServiceCollection AddOutcomes(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutcomeOptions>(configuration.GetSection(OutcomeOptions.Section));
        services.AddSharedDatabase();
        services.AddSingleton<IOutcomeStore>(provider =>
        {
            var shared = provider.GetRequiredService<SharedDatabase>();
            return shared.IsConfigured
                ? new PostgresOutcomeStore(shared.ConnectionString)
                : new SqliteOutcomeStore(DecisionServiceCollectionExtensions.SqlitePath(provider));
        });
        services.AddSingleton<OutcomeIngestion>();
        services.AddScoped<OutcomeUpload>();
        services.AddHostedService<OutcomeSchemaService>();
        services.AddSingleton<TrainingFigures>();
        services.AddSingleton<PerformanceReports>();
        services.AddSingleton<LivePerformanceMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<LivePerformanceMonitor>());
        return services;
    }
}
