using Microsoft.Extensions.Options;

using RiskFlag.Core.Decisions;
using RiskFlag.Web.Serving;
using RiskFlag.Web.Sharing;

namespace RiskFlag.Web.Decisions;

public static class DecisionServiceCollectionExtensions
{
    /// <summary>Shutdown waits this long (at least) for the requests in flight and the decision queue to drain.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The decision log (store, queue, writer and retention services).</summary>
    public static IServiceCollection AddDecisionLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DecisionOptions>(configuration.GetSection(DecisionOptions.Section));
        services.Configure<HostOptions>(host => host.ShutdownTimeout = host.ShutdownTimeout < ShutdownTimeout ? ShutdownTimeout : host.ShutdownTimeout);

        services.AddSharedDatabase();
        services.AddSingleton<IDecisionLogStore>(provider =>
        {
            var shared = provider.GetRequiredService<SharedDatabase>();
            return shared.IsConfigured
                ? new PostgresDecisionLogStore(shared.ConnectionString)
                : new SqliteDecisionLogStore(SqlitePath(provider), provider.GetRequiredService<IOptions<DecisionOptions>>().Value.SyncEveryCommit);
        });
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DecisionOptions>>().Value;
            return new DecisionLogWriter(provider.GetRequiredService<IDecisionLogStore>(), options.QueueCapacity, options.BatchSize,
                TimeSpan.FromMilliseconds(options.FlushIntervalMilliseconds));
        });
        // Whether logging is on is read when the services are built: test hosts add their settings after registration.
        services.AddSingleton(provider => new DecisionLog(
            provider.GetRequiredService<IOptions<DecisionOptions>>().Value.Enabled ? provider.GetRequiredService<DecisionLogWriter>() : null,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IOptions<DecisionOptions>>().Value.InstanceName));
        services.AddHostedService<DecisionLogService>();
        services.AddHostedService<DecisionRetentionService>();
        return services;
    }

    /// <summary>The SQLite file of the decision log (and of the outcomes beside it), resolved like Model:Path.</summary>
    public static string SqlitePath(IServiceProvider provider)
    {
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var database = provider.GetRequiredService<IOptions<DecisionOptions>>().Value.Database;
        return ModelPathResolver.Resolve(database, environment.ContentRootPath, Directory.GetCurrentDirectory());
    }
}
