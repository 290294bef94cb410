namespace RiskFlag.Core.Engine;

/// <summary>Port of XGBoost's RegTree::CalculateContributionsApprox, summed over all trees.</summary>
internal static class SaabasAttribution
{
    /// <summary>Adds every tree's attributions to <paramref name="contributions"/> (features, then bias).</summary>
    public static void Add(FlatForest forest, ReadOnlySpan<float> features, Span<double> contributions)
    {
        TreeNode[] nodes = forest.Nodes;
        double[] means = forest.MeanValues;
        int bias = contributions.Length - 1;
        foreach (int root in forest.Roots)
        {
            double expected = means[root];
            contributions[bias] += expected;
            int index = root;
            while (!nodes[index].IsLeaf)
            {
                int feature = nodes[index].FeatureIndex;
                index = nodes[index].Child(features[feature]);

                // At a leaf the mean is the leaf value, so the last split is credited with the final step too.
                contributions[feature] += means[index] - expected;
                expected = means[index];
            }
        }
    }
}
