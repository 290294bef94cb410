using System.Buffers;

namespace RiskFlag.Core.Explanations;

/// <summary>
/// Exact SHAP values for tree ensembles (Lundberg, Erion &amp; Lee, "Consistent Individualized Feature Attribution
/// for Tree Ensembles", Algorithm 2) without the interaction conditioning, run on the LightGBM trees of the model zip.
/// Arithmetic is in double, and divisions by small integers are multiplications by
/// precomputed reciprocals; the values plus the base value add up to the trees' raw score.
/// </summary>
internal ref struct TreeShap
{
    // Paths up to this many elements (depth ≲ 30) live on the stack; deeper models rent from the shared pool.
    private const int StackPathLimit = 512;

    private readonly TreeNode[] _nodes;
    private readonly double[] _outputs;
    private readonly double[] _covers;
    private readonly ReadOnlySpan<float> _features;
    private readonly Span<double> _phi;

    // _reciprocals[k] = 1 / k for every k the path weights are divided by.
    private readonly ReadOnlySpan<double> _reciprocals;

    private TreeShap(FlatForest forest, ReadOnlySpan<float> features, Span<double> phi, ReadOnlySpan<double> reciprocals)
    {
        _nodes = forest.Nodes;
        _outputs = forest.Outputs;
        _covers = forest.Covers;
        _features = features;
        _phi = phi;
        _reciprocals = reciprocals;
    }

    /// <summary>Adds every tree's SHAP values to <paramref name="phi"/> (features, then bias).</summary>
    public static void Add(FlatForest forest, ReadOnlySpan<float> features, Span<double> phi)
    {
        // Each recursion level copies its parent's path (length ≤ depth + 2) into fresh space after it.
        int maxPath = forest.MaxDepth + 2;
        int pathCapacity = maxPath * (maxPath + 1) / 2;
        Span<double> reciprocals = stackalloc double[maxPath + 1];
        for (int k = 1; k < reciprocals.Length; k++)
        {
            reciprocals[k] = 1.0 / k;
        }

        PathElement[]? rented = null;
        Span<PathElement> paths = pathCapacity <= StackPathLimit
            ? stackalloc PathElement[pathCapacity]
            : (rented = ArrayPool<PathElement>.Shared.Rent(pathCapacity));
        try
        {
            var walk = new TreeShap(forest, features, phi, reciprocals);
            int bias = phi.Length - 1;
            foreach (int root in forest.Roots)
            {
                phi[bias] += forest.MeanValues[root];
                walk.Recurse(root, paths, uniqueDepth: 0, parentZeroFraction: 1, parentOneFraction: 1, parentFeature: -1);
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
    /// <param name="parentOneFraction">1 when the explained row follows the parent's split to this node, else 0.</param>
    private readonly void Recurse(
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

        TreeNode node = _nodes[nodeIndex];
        if (node.IsLeaf)
        {
            for (int i = 1; i <= uniqueDepth; i++)
            {
                double weight = UnwoundPathSum(path, uniqueDepth, i);
                ref readonly PathElement element = ref path[i];
                _phi[element.FeatureIndex] += weight * (element.OneFraction - element.ZeroFraction) * _outputs[nodeIndex];
            }

            return;
        }

        int hot = node.Child(_features[node.FeatureIndex]);
        int cold = node.Sibling(hot);
        double cover = _covers[nodeIndex];
        double hotZeroFraction = _covers[hot] / cover;
        double coldZeroFraction = _covers[cold] / cover;
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

        Recurse(hot, path, uniqueDepth + 1, hotZeroFraction * incomingZeroFraction, incomingOneFraction, node.FeatureIndex);
        Recurse(cold, path, uniqueDepth + 1, coldZeroFraction * incomingZeroFraction, 0, node.FeatureIndex);
    }

    // Adds a feature to the path and updates the permutation weights of all subset sizes.
    private readonly void ExtendPath(Span<PathElement> path, int uniqueDepth, double zeroFraction, double oneFraction, int feature)
    {
        path[uniqueDepth] = new PathElement(feature, zeroFraction, oneFraction, uniqueDepth == 0 ? 1 : 0);
        double inverseDepth = _reciprocals[uniqueDepth + 1];
        for (int i = uniqueDepth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += oneFraction * path[i].Weight * (i + 1) * inverseDepth;
            path[i].Weight = zeroFraction * path[i].Weight * (uniqueDepth - i) * inverseDepth;
        }
    }

    // Inverse of ExtendPath for the element at pathIndex.
    private readonly void UnwindPath(Span<PathElement> path, int uniqueDepth, int pathIndex)
    {
        double oneFraction = path[pathIndex].OneFraction;
        double zeroFraction = path[pathIndex].ZeroFraction;
        double nextOnePortion = path[uniqueDepth].Weight;
        double inverseDepth = _reciprocals[uniqueDepth + 1];
        for (int i = uniqueDepth - 1; i >= 0; i--)
        {
            if (oneFraction != 0)
            {
                double previous = path[i].Weight;
                path[i].Weight = nextOnePortion * (uniqueDepth + 1) * _reciprocals[i + 1] / oneFraction;
                nextOnePortion = previous - (path[i].Weight * zeroFraction * (uniqueDepth - i) * inverseDepth);
            }
            else
            {
                path[i].Weight = path[i].Weight * (uniqueDepth + 1) * _reciprocals[uniqueDepth - i] / zeroFraction;
            }
        }

        for (int i = pathIndex; i < uniqueDepth; i++)
        {
            double weight = path[i].Weight;
            path[i] = path[i + 1] with { Weight = weight };
        }
    }

    // The total permutation weight the path would have if the element at pathIndex were unwound.
    private readonly double UnwoundPathSum(ReadOnlySpan<PathElement> path, int uniqueDepth, int pathIndex)
    {
        double oneFraction = path[pathIndex].OneFraction;
        double zeroFraction = path[pathIndex].ZeroFraction;
        double total = 0;
        if (oneFraction != 0)
        {
            double nextOnePortion = path[uniqueDepth].Weight;
            double scale = (uniqueDepth + 1) / oneFraction;
            double zeroShare = zeroFraction * _reciprocals[uniqueDepth + 1];
            for (int i = uniqueDepth - 1; i >= 0; i--)
            {
                double share = nextOnePortion * scale * _reciprocals[i + 1];
                total += share;
                nextOnePortion = path[i].Weight - (share * zeroShare * (uniqueDepth - i));
            }
        }
        else if (zeroFraction != 0)
        {
            double scale = (uniqueDepth + 1) / zeroFraction;
            for (int i = uniqueDepth - 1; i >= 0; i--)
            {
                total += path[i].Weight * scale * _reciprocals[uniqueDepth - i];
            }
        }

        return total;
    }
}
