namespace RiskFlag.Core.Drift;

/// <summary>
/// PSI = Σ (actual − expected) · ln(actual / expected) over the bins of a feature. Below 0.1 the
/// populations look alike, 0.1–0.2 is a moderate shift, above 0.2 a significant one.
/// </summary>
public static class PopulationStabilityIndex
{
    // An empty bin would make the logarithm infinite; a small floor keeps one empty bin from dominating.
    private const double Floor = 1e-4;

    public static double Compute(IReadOnlyList<double> expected, ReadOnlySpan<int> actualCounts)
    {
        if (expected.Count != actualCounts.Length)
        {
            throw new ArgumentException($"{actualCounts.Length} observed bins for {expected.Count} reference bins", nameof(actualCounts));
        }

        var total = 0L;
        foreach (var count in actualCounts)
        {
            total += count;
        }

        if (total == 0)
        {
            return 0;
        }

        var psi = 0.0;
        for (var bin = 0; bin < actualCounts.Length; bin++)
        {
            var e = Math.Max(expected[bin], Floor);
            var a = Math.Max((double)actualCounts[bin] / total, Floor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }
}
