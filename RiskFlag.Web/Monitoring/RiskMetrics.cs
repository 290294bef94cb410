using System.Diagnostics.Metrics;

using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// The site's own instruments (meter "RiskFlag"), recorded by the code that scores, validates and reloads. Every
/// label comes from a small fixed set: channel, flag, field name, reload result. Applicant data never becomes a label.
/// </summary>
public sealed class RiskMetrics
{
    public const string MeterName = "RiskFlag";

    private static readonly double[] ProbabilityBuckets =
        [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

    // Scoring one applicant takes microseconds (exact attributions up to a millisecond or so).
    private static readonly double[] ScoringBuckets =
        [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

    private static readonly string[] ReloadResults = [.. ReloadResultLabel.All];

    private static readonly double[] BatchBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly Counter<long> _predictions;
    private readonly Histogram<double> _probability;
    private readonly Histogram<double> _scoringDuration;
    private readonly Counter<long> _unknownLocations;
    private readonly Counter<long> _validationFailures;
    private readonly Counter<long> _batchRowsProcessed;
    private readonly Counter<long> _batchRowsRejected;
    private readonly Histogram<double> _batchDuration;
    private readonly long[] _reloads = new long[ReloadResults.Length];
    private readonly long[] _challengerReloads = new long[ReloadResults.Length];

    public RiskMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _predictions = meter.CreateCounter<long>("riskflag.predictions", "{prediction}",
            "Applicants scored, by channel (form, api, batch) and risk flag (1 = high risk)");
        _probability = meter.CreateHistogram("riskflag.risk_probability", "1",
            "Predicted probability of default of scored applicants, by channel",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ProbabilityBuckets });
        _scoringDuration = meter.CreateHistogram("riskflag.scoring.duration", "s",
            "Time to score one applicant with its explanation (form and api; batch files are timed whole)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ScoringBuckets });
        _unknownLocations = meter.CreateCounter<long>("riskflag.unknown_locations", "{applicant}",
            "Scored applicants whose city (or state) the model has not seen, so the average risk was used; by field");
        _validationFailures = meter.CreateCounter<long>("riskflag.validation.failures", "{failure}",
            "Field values rejected by validation, by channel and snake_case field name");
        _batchRowsProcessed = meter.CreateCounter<long>("riskflag.batch.rows.processed", "{row}",
            "Rows read from uploaded batch files, scored or rejected");
        _batchRowsRejected = meter.CreateCounter<long>("riskflag.batch.rows.rejected", "{row}",
            "Batch rows rejected, by the first invalid field of the row (row = malformed record)");
        _batchDuration = meter.CreateHistogram("riskflag.batch.duration", "s",
            "Time to score one uploaded batch file",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BatchBuckets });
        // Observable so that every result reports from start-up, at 0: an alert on increase() misses a counter's first step.
        meter.CreateObservableCounter("riskflag.model.reloads", ReloadCounts, "{reload}",
            "Model load attempts (start-up, file watcher, reload endpoint), by model (champion, challenger) and result: success, failure (bundle rejected) or missing");
    }

    /// <param name="elapsed">Scoring time of this one applicant; null in batches, which are timed per file.</param>
    public void RecordPrediction(ScoringChannel channel, RiskAssessment assessment, TimeSpan? elapsed)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel.TagValue());
        _predictions.Add(1, channelTag, new KeyValuePair<string, object?>("risk_flag", assessment.Flag ? "1" : "0"));
        _probability.Record(assessment.Probability, channelTag);
        if (elapsed is { } time)
        {
            _scoringDuration.Record(time.TotalSeconds, channelTag);
        }

        if (!assessment.CityKnown)
        {
            _unknownLocations.Add(1, channelTag, new KeyValuePair<string, object?>("field", "city"));
        }

        if (!assessment.StateKnown)
        {
            _unknownLocations.Add(1, channelTag, new KeyValuePair<string, object?>("field", "state"));
        }
    }

    public void RecordValidationFailures(ScoringChannel channel, IEnumerable<RowError> errors)
    {
        if (!_validationFailures.Enabled)
        {
            return;
        }

        var channelTag = new KeyValuePair<string, object?>("channel", channel.TagValue());
        foreach (var error in errors)
        {
            _validationFailures.Add(1, channelTag, new KeyValuePair<string, object?>("field", FieldLabel.Of(error.Field)));
        }
    }

    /// <summary>The file's counts; its rows' predictions were recorded one by one as they were scored.</summary>
    public void RecordBatch(BatchSummary summary, TimeSpan elapsed)
    {
        _batchDuration.Record(elapsed.TotalSeconds);
        _batchRowsProcessed.Add(summary.Read);
        RecordValidationFailures(ScoringChannel.Batch, summary.Errors);
        // A row can fail on several fields; it is rejected once, under its first.
        foreach (var row in summary.Errors.GroupBy(e => e.Line))
        {
            _batchRowsRejected.Add(1, new KeyValuePair<string, object?>("field", FieldLabel.Of(row.First().Field)));
        }
    }

    public void RecordReload(string modelName, ReloadOutcome outcome)
    {
        var index = Array.IndexOf(ReloadResults, ReloadResultLabel.Of(outcome));
        Interlocked.Increment(ref (modelName == ModelNames.Challenger ? _challengerReloads : _reloads)[index]);
    }

    /// <summary>
    /// The champion's every result from start-up; the challenger's only once it has one other than missing, since having
    /// no challenger file is the normal state of a site without one, not a failed load.
    /// </summary>
    private IEnumerable<Measurement<long>> ReloadCounts()
    {
        var champion = new KeyValuePair<string, object?>("model", ModelNames.Champion);
        var challenger = new KeyValuePair<string, object?>("model", ModelNames.Challenger);
        var missing = Array.IndexOf(ReloadResults, ReloadResultLabel.Of(ReloadOutcome.Missing));
        var challengerSeen = false;
        for (var i = 0; i < _challengerReloads.Length; i++)
        {
            challengerSeen |= i != missing && Volatile.Read(ref _challengerReloads[i]) > 0;
        }

        for (var i = 0; i < _reloads.Length; i++)
        {
            var result = new KeyValuePair<string, object?>("result", ReloadResults[i]);
            yield return new Measurement<long>(Volatile.Read(ref _reloads[i]), champion, result);
            if (challengerSeen)
            {
                yield return new Measurement<long>(Volatile.Read(ref _challengerReloads[i]), challenger, result);
            }
        }
    }
}
