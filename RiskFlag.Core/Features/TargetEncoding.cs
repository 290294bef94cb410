namespace RiskFlag.Core.Features;

/// <summary>
/// Smoothed mean of the label per category: (positives + m·prior) / (count + m). A category seen
/// rarely is pulled towards the prior; an unseen one gets the prior itself.
/// </summary>
public sealed class TargetEncoding
{
    private readonly Dictionary<string, float> _values;

    public TargetEncoding(IReadOnlyDictionary<string, float> values, float prior)
    {
        _values = new Dictionary<string, float>(values, StringComparer.Ordinal);
        Prior = prior;
    }

    public float Prior { get; }

    public IReadOnlyDictionary<string, float> Values => _values;

    public float Encode(string key) => _values.TryGetValue(key, out var value) ? value : Prior;

    public bool IsKnown(string key) => _values.ContainsKey(key);

    /// <summary>Fits the encoding from (key, label) observations, each counted once.</summary>
    public static TargetEncoding Fit(IEnumerable<(string Key, int Label)> observations, double prior, double smoothing)
    {
        var totals = new Dictionary<string, (double Positives, double Count)>(StringComparer.Ordinal);
        foreach (var (key, label) in observations)
        {
            totals.TryGetValue(key, out var t);
            totals[key] = (t.Positives + label, t.Count + 1);
        }

        var values = totals.ToDictionary(
            p => p.Key,
            p => (float)((p.Value.Positives + (smoothing * prior)) / (p.Value.Count + smoothing)),
            StringComparer.Ordinal);
        return new TargetEncoding(values, (float)prior);
    }
}
