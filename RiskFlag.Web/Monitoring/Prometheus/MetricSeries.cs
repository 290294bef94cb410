namespace RiskFlag.Web.Monitoring.Prometheus;

/// <summary>
/// One tag set of one instrument and its running aggregate: a sum, the last value, or histogram buckets. Updated
/// from any thread with interlocked operations, so recording into an existing series takes no lock and allocates nothing.
/// </summary>
public sealed class MetricSeries
{
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly double[] _bounds;
    private readonly long[] _bucketCounts;
    private double _value;

    /// <param name="bounds">Bucket upper bounds for a histogram series; empty for the others.</param>
    public MetricSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags, double[] bounds)
    {
        _tags = tags.ToArray();
        _bounds = bounds;
        _bucketCounts = bounds.Length == 0 ? [] : new long[bounds.Length + 1];
        Labels = PrometheusText.LabelPairs(_tags);
    }

    /// <summary>The label pairs as written inside the braces, e.g. <c>channel="api",risk_flag="1"</c>.</summary>
    public string Labels { get; }

    /// <summary>The sum, the last value, or (histograms) the sum of the observed values.</summary>
    public double Value => Volatile.Read(ref _value);

    public IReadOnlyList<double> Bounds => _bounds;

    /// <summary>Same tags in any order: callers of one instrument need not agree on the order.</summary>
    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            var found = false;
            foreach (var own in _tags)
            {
                if (string.Equals(own.Key, tag.Key, StringComparison.Ordinal))
                {
                    if (!Equals(own.Value, tag.Value))
                    {
                        return false;
                    }

                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    public void Add(double increment)
    {
        double current, updated;
        do
        {
            current = Volatile.Read(ref _value);
            updated = current + increment;
        }
        while (BitConverter.DoubleToInt64Bits(Interlocked.CompareExchange(ref _value, updated, current)) != BitConverter.DoubleToInt64Bits(current));
    }

    public void Set(double value) => Volatile.Write(ref _value, value);

    public void Observe(double value)
    {
        var bucket = 0;
        // Linear: histograms here have a few dozen buckets at most, where a scan beats a binary search.
        while (bucket < _bounds.Length && value > _bounds[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _bucketCounts[bucket]);
        Add(value);
    }

    /// <summary>Cumulative counts per bound plus the +Inf bucket last, which is also the count.</summary>
    public long[] CumulativeBucketCounts()
    {
        var cumulative = new long[_bucketCounts.Length];
        var total = 0L;
        for (var i = 0; i < cumulative.Length; i++)
        {
            total += Volatile.Read(ref _bucketCounts[i]);
            cumulative[i] = total;
        }

        return cumulative;
    }
}
