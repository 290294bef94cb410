using System.Diagnostics.Metrics;
using System.Threading.Channels;

using Microsoft.Extensions.Options;

using RiskFlag.Core.Outcomes;
using RiskFlag.Web.Monitoring;

namespace RiskFlag.Web.Outcomes;

/// <summary>
/// Keeps live performance over the configured window (Outcomes:WindowDays) for /metrics: recomputed every
/// Outcomes:RefreshSeconds and as soon as outcomes are posted, never at scrape time, which must stay cheap. Each model
/// version publishes its outcome count always, and its AUC and Brier only from Outcomes:MinimumOutcomes on, beside its
/// training AUC, so an alert can compare the two without being paged by noise.
/// </summary>
public sealed partial class LivePerformanceMonitor : BackgroundService
{
    private readonly IOutcomeStore _store;
    private readonly TrainingFigures _training;
    private readonly OutcomeOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<LivePerformanceMonitor> _logger;
    private readonly Channel<bool> _asks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private IReadOnlyList<LivePerformance> _latest = [];
    private IReadOnlyDictionary<string, double> _trainingAuc = new Dictionary<string, double>();

    public LivePerformanceMonitor(
        IOutcomeStore store, TrainingFigures training, IOptions<OutcomeOptions> options, TimeProvider clock, IMeterFactory meters,
        ILogger<LivePerformanceMonitor> logger)
    {
        _store = store;
        _training = training;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        var meter = meters.Create(RiskMetrics.MeterName);
        meter.CreateObservableGauge("riskflag.live.outcomes", () => Measure(p => p.Outcomes, all: true), "{outcome}",
            "Outcomes recorded for the model version's decisions in the live window (Outcomes:WindowDays)");
        meter.CreateObservableGauge("riskflag.live.roc_auc", () => Measure(p => p.Metrics!.RocAuc), null,
            "ROC AUC of the model version on the live window's outcomes; only from Outcomes:MinimumOutcomes outcomes on");
        meter.CreateObservableGauge("riskflag.live.brier", () => Measure(p => p.Metrics!.Brier), null,
            "Brier score of the model version on the live window's outcomes; only from Outcomes:MinimumOutcomes outcomes on");
        meter.CreateObservableGauge("riskflag.live.default_rate", DefaultRates, "1",
            "Share of the live window's decisions with an outcome that defaulted (observed) and their mean predicted probability (predicted)");
        meter.CreateObservableGauge("riskflag.training.roc_auc", TrainingAuc, null,
            "ROC AUC of the model version on its grouped validation set at training time, for each version with live outcomes");
    }

    /// <summary>The latest figures, all channels and each channel, per model version.</summary>
    public IReadOnlyList<LivePerformance> Latest => Volatile.Read(ref _latest);

    /// <summary>Asks for a recomputation now (outcomes were posted); several asks before it runs make one.</summary>
    public void RefreshSoon() => _asks.Writer.TryWrite(true);

    /// <summary>Recomputes now and returns the new figures.</summary>
    public async Task<IReadOnlyList<LivePerformance>> RefreshAsync(CancellationToken cancellationToken)
    {
        var from = _clock.GetUtcNow().AddDays(-_options.WindowDays);
        var latest = await LivePerformanceCalculator.MeasureAsync(_store, new OutcomeQuery(From: from), _options.MinimumOutcomes, cancellationToken);
        // Looked up now, not at scrape time: a version may need the registry (a database, for a fleet) to be found.
        var training = latest.Where(p => p.Channel == LivePerformance.AllChannels)
            .Select(p => (p.ModelVersion, Metrics: _training.GroupedOf(p.ModelVersion)))
            .Where(t => t.Metrics is not null)
            .ToDictionary(t => t.ModelVersion, t => t.Metrics!.RocAuc, StringComparer.Ordinal);
        Volatile.Write(ref _trainingAuc, training);
        Volatile.Write(ref _latest, latest);
        return latest;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, _options.RefreshSeconds));
        var schemaReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Once: on PostgreSQL even a CREATE ... IF NOT EXISTS takes the table's lock.
                if (!schemaReady)
                {
                    await _store.EnsureSchemaAsync(stoppingToken);
                    schemaReady = true;
                }

                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(_logger, e);
            }

            await WaitAsync(period, stoppingToken);
        }
    }

    /// <summary>Until the period has passed or a refresh is asked for, whichever comes first.</summary>
    private async Task WaitAsync(TimeSpan period, CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var asked = _asks.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var elapsed = Task.Delay(period, _clock, waiting.Token);
        await Task.WhenAny(asked, elapsed);
        await waiting.CancelAsync();
        _asks.Reader.TryRead(out _);
    }

    private IEnumerable<Measurement<double>> Measure(Func<LivePerformance, double> value, bool all = false) =>
        Latest.Where(p => p.Channel == LivePerformance.AllChannels && (all || p.HasMetrics))
            .Select(p => new Measurement<double>(value(p), Version(p)));

    private IEnumerable<Measurement<double>> DefaultRates() =>
        Latest.Where(p => p.Channel == LivePerformance.AllChannels && p.Outcomes > 0).SelectMany(p => new[]
        {
            new Measurement<double>(p.ObservedDefaultRate, Version(p), new("population", "observed")),
            new Measurement<double>(p.PredictedDefaultRate, Version(p), new("population", "predicted")),
        });

    private IEnumerable<Measurement<double>> TrainingAuc() =>
        Volatile.Read(ref _trainingAuc).Select(t => new Measurement<double>(t.Value, new KeyValuePair<string, object?>("model_version", t.Key)));

    private static KeyValuePair<string, object?> Version(LivePerformance performance) => new("model_version", performance.ModelVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live performance could not be computed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
