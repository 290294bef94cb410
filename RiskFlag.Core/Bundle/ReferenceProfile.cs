namespace RiskFlag.Core.Bundle;

/// <summary>
/// How the training inputs were distributed, so live traffic can be compared with them (population
/// stability index). Each feature is cut at the training quantiles; the proportions are the share of
/// training rows in each bin.
/// </summary>
public sealed record ReferenceProfile(IReadOnlyList<FeatureReference> Features, double PositiveShare, double FlaggedShare);

/// <param name="UpperEdges">Bin i holds values ≤ UpperEdges[i] (and above the previous edge); the last bin is open-ended.</param>
public sealed record FeatureReference(string Name, IReadOnlyList<float> UpperEdges, IReadOnlyList<double> Proportions)
{
    public int BinOf(float value)
    {
        // Linear scan: at most ten edges, and it beats a binary search at that size.
        for (var i = 0; i < UpperEdges.Count; i++)
        {
            if (value <= UpperEdges[i])
            {
                return i;
            }
        }

        return UpperEdges.Count;
    }
}
