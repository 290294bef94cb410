using System.Buffers;

namespace RiskFlag.Core.Engine;

/// <summary>
/// Exact SHAP values for tree ensembles (Lundberg, Erion &amp; Lee, "Consistent Individualized Feature Attribution
/// for Tree Ensembles", Algorithm 2), ported from XGBoost's RegTree::TreeShap without the interaction conditioning.
/// Arithmetic is in double where XGBoost uses float; results agree to float precision.
/// </summary>
internal static class TreeShap
{
    // Paths up to this many elements (depth ≲ 30) live on the stack; deeper models rent from the shared pool.
    private const int StackPathLimit = 512;

    /// <summary>Adds every tree's SHAP values to <paramref name="phi"/> (features, then bias).</summary>
    public static void Add(FlatForest forest, ReadOnlySpan<float> features, Span<double> phi)
    {
        // Each recursion level copies its parent's path (length ≤ depth + 2) into fresh space after it.
        int maxPath = forest.MaxDepth + 2;
        int pathCapacity = maxPath * (maxPath + 1) / 2;
        PathElement[]? rented = null;
        Span<PathElement> paths = pathCapacity <= StackPathLimit
            ? stackalloc PathElement[pathCapacity]
            : (rented = ArrayPool<PathElement>.Shared.Rent(pathCapacity));
        try
        {
            int bias = phi.Length - 1;
            foreach (int root in forest.Roots)
            {
                phi[bias] += forest.MeanValues[root];
                Recurse(forest, features, phi, root, paths, uniqueDepth: 0, parentZeroFraction: 1, parentOneFraction: 1, parentFeature: -1);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<PathElement>.Shared.Return(rented);
            }
        }
    }

    /// <param name="parentPath">The parent's path in its first <paramref name="uniqueDepth"/> + 1 elements, then free space.</param>
    /// <param name="parentZeroFraction">Share of the parent's training cover that reaches this node.</param>
    /// <param name="parentOneFraction">1 when <paramref name="features"/> follows the parent's split to this node, else 0.</param>
    private static void Recurse(
        FlatForest forest,
        ReadOnlySpan<float> features,
        Span<double> phi,
        int nodeIndex,
        Span<PathElement> parentPath,
        int uniqueDepth,
        double parentZeroFraction,
        double parentOneFraction,
        int parentFeature)
    {
        Span<PathElement> path = parentPath[(uniqueDepth + 1)..];
        parentPath[..(uniqueDepth + 1)].CopyTo(path);
        ExtendPath(path, uniqueDepth, parentZeroFraction, parentOneFraction, parentFeature);

        TreeNode node = forest.Nodes[nodeIndex];
        if (node.IsLeaf)
        {
            for (int i = 1; i <= uniqueDepth; i++)
            {
                double weight = UnwoundPathSum(path, uniqueDepth, i);
                ref readonly PathElement element = ref path[i];
                phi[element.FeatureIndex] += weight * (element.OneFraction - element.ZeroFraction) * node.Value;
            }

            return;
        }

        int hot = node.Child(features[node.FeatureIndex]);
        int cold = node.Sibling(hot);
        double cover = forest.Covers[nodeIndex];
        double hotZeroFraction = forest.Covers[hot] / cover;
        double coldZeroFraction = forest.Covers[cold] / cover;
        double incomingZeroFraction = 1;
        double incomingOneFraction = 1;

        // A feature split on again further down is undone here and redone with the combined fractions.
        int pathIndex = 0;
        while (pathIndex <= uniqueDepth && path[pathIndex].FeatureIndex != node.FeatureIndex)
        {
            pathIndex++;
        }

        if (pathIndex != uniqueDepth + 1)
        {
            incomingZeroFraction = path[pathIndex].ZeroFraction;
            incomingOneFraction = path[pathIndex].OneFraction;
            UnwindPath(path, uniqueDepth, pathIndex);
            uniqueDepth--;
        }

        Recurse(forest, features, phi, hot, path, uniqueDepth + 1, hotZeroFraction * incomingZeroFraction, incomingOneFraction, node.FeatureIndex);
        Recurse(forest, features, phi, cold, path, uniqueDepth + 1, coldZeroFraction * incomingZeroFraction, 0, node.FeatureIndex);
    }

    // Adds a feature to the path and updates the permutation weights of all subset sizes.
    private static void ExtendPath(Span<PathElement> path, int uniqueDepth, double zeroFraction, double oneFraction, int feature)
    {
        path[uniqueDepth] = new PathElement(feature, zeroFraction, oneFraction, uniqueDepth == 0 ? 1 : 0);
        for (int i = uniqueDepth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += oneFraction * path[i].Weight * (i + 1) / (uniqueDepth + 1);
            path[i].Weight = zeroFraction * path[i].Weight * (uniqueDepth - i) / (uniqueDepth + 1);
        }
    }

    // Inverse of ExtendPath for the element at pathIndex.
    private static void UnwindPath(Span<PathElement> path, int uniqueDepth, int pathIndex)
    {
        double oneFraction = path[pathIndex].OneFraction;
        double zeroFraction = path[pathIndex].ZeroFraction;
        double nextOnePortion = path[uniqueDepth].Weight;
        for (int i = uniqueDepth - 1; i >= 0; i--)
        {
            if (oneFraction != 0)
            {
                double previous = path[i].Weight;
                path[i].Weight = nextOnePortion * (uniqueDepth + 1) / ((i + 1) * oneFraction);
                nextOnePortion = previous - (path[i].Weight * zeroFraction * (uniqueDepth - i) / (uniqueDepth + 1));
            }
            else
            {
                path[i].Weight = path[i].Weight * (uniqueDepth + 1) / (zeroFraction * (uniqueDepth - i));
            }
        }

        for (int i = pathIndex; i < uniqueDepth; i++)
        {
            double weight = path[i].Weight;
            path[i] = path[i + 1] with { Weight = weight };
        }
    }

    // The total permutation weight the path would have if the element at pathIndex were unwound.
    private static double UnwoundPathSum(ReadOnlySpan<PathElement> path, int uniqueDepth, int pathIndex)
    {
        double oneFraction = path[pathIndex].OneFraction;
        double zeroFraction = path[pathIndex].ZeroFraction;
        double nextOnePortion = path[uniqueDepth].Weight;
        double total = 0;
        for (int i = uniqueDepth - 1; i >= 0; i--)
        {
            if (oneFraction != 0)
            {
                double share = nextOnePortion * (uniqueDepth + 1) / ((i + 1) * oneFraction);
                total += share;
                nextOnePortion = path[i].Weight - (share * zeroFraction * (uniqueDepth - i) / (uniqueDepth + 1));
            }
            else if (zeroFraction != 0)
            {
                total += path[i].Weight / zeroFraction / ((double)(uniqueDepth - i) / (uniqueDepth + 1));
            }
        }

        return total;
    }
}
