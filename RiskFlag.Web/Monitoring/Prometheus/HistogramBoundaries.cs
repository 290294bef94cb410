using System.Diagnostics.Metrics;

namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>The bucket upper bounds of a histogram: the instrument's advice, else a default that suits its unit.</summary>
public static class HistogramBoundaries
{
    /// <summary>For durations in seconds: the buckets ASP.NET Core advises for request durations.</summary>
    public static readonly IReadOnlyList<double> Seconds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>OpenTelemetry's default explicit buckets, for anything else.</summary>
    public static readonly IReadOnlyList<double> Default = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public static double[] For(Instrument instrument)
    {
        var advised = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries,
            Histogram<float> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            Histogram<short> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            Histogram<byte> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            _ => null,
        };
        var boundaries = advised is { Count: > 0 } ? advised : instrument.Unit == "s" ? Seconds : Default;
        // The text format needs strictly increasing le values; advice is not checked by the runtime.
        return [.. boundaries.Where(double.IsFinite).Distinct().Order()];
    }
}
