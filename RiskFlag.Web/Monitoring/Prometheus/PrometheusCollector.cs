using System.Diagnostics.Metrics;

namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>
/// A MeterListener that aggregates the selected instruments in memory and writes them in the Prometheus text format
/// on demand. Measurements are aggregated as they happen (cumulatively, as Prometheus expects); observable
/// instruments are read when a scrape collects.
/// </summary>
public sealed partial class PrometheusCollector : IDisposable
{
    private readonly MeterListener _listener;
    private readonly Func<Instrument, bool> _includes;
    private readonly ILogger<PrometheusCollector> _logger;
    private readonly Lock _metricsGate = new();
    private readonly Lock _collecting = new();
    private readonly List<InstrumentMetric> _metrics = [];

    /// <param name="includes">Which instruments to export; the listener sees every meter in the process.</param>
    public PrometheusCollector(Func<Instrument, bool> includes, ILogger<PrometheusCollector> logger)
    {
        _includes = includes;
        _logger = logger;
        _listener = new MeterListener
        {
            InstrumentPublished = Publish,
            MeasurementsCompleted = Complete,
        };
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentMetric)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentMetric)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentMetric)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentMetric)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentMetric)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentMetric)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentMetric)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments and returns the whole exposition.</summary>
    public string Collect()
    {
        // One collection at a time: observable instruments are emptied and refilled by the callbacks below.
        lock (_collecting)
        {
            var metrics = Metrics();
            foreach (var metric in metrics)
            {
                metric.BeginCollection();
            }

            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (AggregateException e)
            {
                // Every other instrument was still read; one failing callback must not blank the whole scrape.
                LogCallbacksFailed(e);
            }

            return PrometheusTextWriter.Write(metrics);
        }
    }

    public void Dispose() => _listener.Dispose();

    private List<InstrumentMetric> Metrics()
    {
        lock (_metricsGate)
        {
            return [.. _metrics];
        }
    }

    private void Publish(Instrument instrument, MeterListener listener)
    {
        if (!_includes(instrument) || InstrumentShape.Of(instrument) is not { } shape)
        {
            return;
        }

        var metric = new InstrumentMetric(instrument, shape);
        lock (_metricsGate)
        {
            _metrics.Add(metric);
        }

        listener.EnableMeasurementEvents(instrument, metric);
    }

    private void Complete(Instrument instrument, object? state)
    {
        lock (_metricsGate)
        {
            _metrics.RemoveAll(s => ReferenceEquals(s, state));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An observable instrument's callback failed while collecting metrics")]
    private partial void LogCallbacksFailed(Exception exception);
}
