namespace RiskFlag.Web.Serving;

/// <summary>Runs a pool's loads: the first before the server listens, later ones on file changes and requests.</summary>
public sealed class PredictionEnginePoolService<TInput, TOutput>(PredictionEnginePool<TInput, TOutput> pool) : BackgroundService
    where TInput : class
    where TOutput : class, new()
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Loaded before the server listens, so the site is ready from its first request when a model exists.
        pool.Start();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        pool.Stop();
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => pool.RunAsync(stoppingToken);
}
