using System.Diagnostics.Metrics;

using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// Gauges read at scrape time from the model serving now: which version, since when, and how its recent inputs
/// compare with its training data (PSI per model input, flagged share live and in training).
/// </summary>
public sealed class ServingModelGauges
{
    private static readonly KeyValuePair<string, object?> Live = new("population", "live");
    private static readonly KeyValuePair<string, object?> Training = new("population", "training");

    private readonly RiskEnginePool _pool;
    private readonly ModelDriftWindows _drift;

    public ServingModelGauges(IMeterFactory meters, RiskEnginePool pool, ModelDriftWindows drift)
    {
        _pool = pool;
        _drift = drift;
        var meter = meters.Create(RiskMetrics.MeterName);
        meter.CreateObservableGauge("riskflag.model.ready", () => Champion is null ? 0 : 1, null,
            "1 while a model is loaded and scoring; 0 while the site has none");
        meter.CreateObservableGauge("riskflag.model.info", ModelInfo, null,
            "Always 1, labelled with the version of the model serving now");
        meter.CreateObservableGauge("riskflag.model.loaded_timestamp", LoadedAt, "s",
            "When the serving model was loaded, in seconds since the Unix epoch");
        meter.CreateObservableGauge("riskflag.input_drift.psi", Psi, null,
            "Population stability index of each model input over the drift window against the model's training data (0.1 moderate, 0.2 significant shift)");
        meter.CreateObservableGauge("riskflag.input_drift.applicants", WindowCount, "{applicant}",
            "Applicants in the serving model's drift window (up to Monitoring:DriftWindow); PSI over few applicants is noisy");
        meter.CreateObservableGauge("riskflag.flagged_share", FlaggedShare, "1",
            "Share of applicants flagged high risk: live (drift window) and training (the model's validation data)");
    }

    private ServedRiskModel? Champion => _pool.GetServedModel(ModelNames.Champion);

    private IEnumerable<Measurement<int>> ModelInfo() =>
        Champion is { } model ? [new Measurement<int>(1, new KeyValuePair<string, object?>("version", model.Version))] : [];

    private IEnumerable<Measurement<double>> LoadedAt() =>
        Champion is { } model ? [new Measurement<double>(model.LoadedAt.ToUnixTimeMilliseconds() / 1000.0)] : [];

    // Nothing is reported for an empty window: a PSI of 0 there would claim "no drift" without any evidence.
    private IEnumerable<Measurement<double>> Psi() =>
        Champion is { } model && _drift.For(model) is { Count: > 0 } window
            ? window.Snapshot().Select(d => new Measurement<double>(d.Psi, new KeyValuePair<string, object?>("feature", d.Feature)))
            : [];

    private IEnumerable<Measurement<int>> WindowCount() =>
        Champion is { } model && _drift.For(model) is { } window ? [new Measurement<int>(window.Count)] : [];

    private IEnumerable<Measurement<double>> FlaggedShare()
    {
        if (Champion is not { } model)
        {
            yield break;
        }

        yield return new Measurement<double>(model.Bundle.Reference.FlaggedShare, Training);
        if (_drift.For(model) is { Count: > 0 } window)
        {
            yield return new Measurement<double>(window.FlaggedShare, Live);
        }
    }
}
