using Microsoft.Extensions.Options;

using RiskFlag.Core.Outcomes;
using RiskFlag.Web.Decisions;

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
        services.AddSingleton<IOutcomeStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DecisionOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.PostgresConnectionString)
                ? new SqliteOutcomeStore(DecisionServiceCollectionExtensions.SqlitePath(provider))
                : new PostgresOutcomeStore(options.PostgresConnectionString);
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
