using System.Diagnostics.Metrics;

using Microsoft.Extensions.Options;

using Npgsql;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Registry;
using RiskFlag.Web.Monitoring;
using RiskFlag.Web.Serving;
using RiskFlag.Web.Sharing;

namespace RiskFlag.Web.Registry;

/// <summary>
/// Keeps this instance on the shared registry's champion and challenger when the registry is in PostgreSQL: it LISTENs
/// for alias changes and also checks every Registry:CheckSeconds, which covers a missed notification or a restart of
/// the database. A version that differs from the one serving is copied from the database to the served path and
/// reloaded through the pool, which validates and smoke-tests it (a zip that cannot even be read is not copied); a
/// version that fails to load is not retried until the registry changes, and the old model keeps serving. The gap is published as riskflag_registry_skew and reported by
/// /health/ready as Degraded.
/// </summary>
public sealed partial class RegistryFollower : BackgroundService
{
    public const string Trigger = "registry";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly SiteRegistry _registry;
    private readonly RiskEnginePool _pool;
    private readonly string? _connectionString;
    private readonly TimeSpan _period;
    private readonly TimeProvider _clock;
    private readonly ILogger<RegistryFollower> _logger;
    private readonly Dictionary<string, int> _failed = new(StringComparer.Ordinal);
    private volatile string? _wantedChampion;

    public RegistryFollower(
        SiteRegistry registry, RiskEnginePool pool, SharedDatabase shared, IOptions<SiteRegistryOptions> options, TimeProvider clock,
        IMeterFactory meters, ILogger<RegistryFollower> logger)
    {
        _registry = registry;
        _pool = pool;
        _connectionString = shared.ConnectionString;
        _period = TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckSeconds));
        _clock = clock;
        _logger = logger;
        meters.Create(RiskMetrics.MeterName).CreateObservableGauge("riskflag.registry.skew", () => Skewed ? 1 : 0, null,
            "1 while this instance serves another champion version than the shared registry names (a new one failed to load, or is loading); 0 in step or without a shared registry");
    }

    /// <summary>The champion's model version in the shared registry, as last read; null without one.</summary>
    public string? WantedChampion => _wantedChampion;

    public bool Skewed => _wantedChampion is { } wanted && _pool.GetServedModel(ModelNames.Champion)?.Version != wanted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_registry.IsShared || string.IsNullOrWhiteSpace(_connectionString))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresModelRegistryStore.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Listening first, then reading: a change committed in between is heard or read, never missed.
                while (!stoppingToken.IsCancellationRequested)
                {
                    await FollowAsync(stoppingToken);
                    await connection.WaitAsync(_period, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(_logger, e);
                try
                {
                    await Task.Delay(RetryDelay, _clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Brings the champion and the challenger this instance serves to the registry's.</summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        var registry = _registry.Open();
        var state = registry.State();
        var versions = state.Versions.ToDictionary(v => v.Version);
        foreach (var (alias, model, path) in new[]
        {
            (RegistryOptions.ChampionAlias, ModelNames.Champion, registry.Options.ServedBundlePath),
            (RegistryOptions.ChallengerAlias, ModelNames.Challenger, registry.Options.ServedChallengerPath),
        })
        {
            if (path is null || !state.Aliases.TryGetValue(alias, out var number) || !versions.TryGetValue(number, out var wanted))
            {
                continue;
            }

            if (alias == RegistryOptions.ChampionAlias)
            {
                _wantedChampion = wanted.ModelVersion;
            }

            if (_pool.GetServedModel(model)?.Version == wanted.ModelVersion || _failed.GetValueOrDefault(model) == number)
            {
                continue;
            }

            await FollowAsync(wanted, model, path, cancellationToken);
        }
    }

    private async Task FollowAsync(RegisteredVersion wanted, string model, string path, CancellationToken cancellationToken)
    {
        // A zip this build cannot serve never replaces the served one: after a restart that would leave no model at all.
        if (ModelZipCheck.Of(wanted.BundlePath) is { Servable: false } check)
        {
            _failed[model] = wanted.Version;
            LogNotLoaded(_logger, model, wanted.Version, check.Description);
            return;
        }

        ModelRegistry.Publish(wanted, path);
        var reload = await _pool.ReloadAsync(model, Trigger).WaitAsync(cancellationToken);
        if (reload.Outcome == ReloadOutcome.Loaded && reload.Version == wanted.ModelVersion)
        {
            _failed.Remove(model);
            LogFollowed(_logger, model, wanted.Version, wanted.ModelVersion);
        }
        else
        {
            _failed[model] = wanted.Version;
            LogNotLoaded(_logger, model, wanted.Version, reload.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry: now serving {Model} v{Version} ({ModelVersion})")]
    private static partial void LogFollowed(ILogger logger, string model, int version, string modelVersion);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registry: {Model} v{Version} did not load, the previous model keeps serving: {Reason}")]
    private static partial void LogNotLoaded(ILogger logger, string model, int version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry: lost the shared registry; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
