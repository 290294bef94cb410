using System.Numerics;

namespace RiskFlag.Core.Explanations;

/// <summary>
/// Exact path-dependent TreeSHAP for shallow trees by table lookup ("Fast TreeSHAP v2", Yang 2021). A leaf's share of
/// every SHAP value depends on the row only through which of the leaf's path features the row satisfies, so for each
/// leaf and each of the 2^d satisfied/unsatisfied patterns of its d path features the shares are computed once, at
/// load. Explaining a row is then one comparison per split and one table read per leaf and path feature: several
/// times faster than Algorithm 2, with the same values (checked against it and against brute-force Shapley sums).
/// A tree with few splits goes one step further: its whole SHAP vector depends on the row only through its split
/// directions, so it is tabulated per pattern of those (2^splits rows) and explaining reads one row per tree.
/// </summary>
internal sealed class LeafPatternShap
{
    /// <summary>Paths with more distinct features than this use Algorithm 2: the tables grow as 2^d.</summary>
    public const int MaxPathFeatures = 5;

    // The split directions of one tree are one bit per split, so a tree may have at most 64 splits here.
    private const int MaxSplitsPerTree = 64;

    // Trees with at most this many splits get a table of their SHAP vector per split pattern (depth 3: 7 splits,
    // 128 rows) while the tables of the whole model stay within the budget.
    private const int MaxTabulatedSplits = 10;
    private const long TreeTableBudget = 1_000_000; // doubles: 8 MB

    // Per tree: its splits [SplitStart[t], SplitStart[t+1]) and its leaves [LeafStart[t], LeafStart[t+1]).
    private readonly int[] _splitStart;
    private readonly int[] _leafStart;

    // Per split: the feature and threshold (x ≤ threshold sets the split's bit).
    private readonly int[] _splitFeature;
    private readonly float[] _splitThreshold;

    // Per leaf: its slots [SlotStart[l], SlotStart[l+1]) and where its 2^d × d shares start.
    private readonly int[] _slotStart;
    private readonly int[] _shareStart;

    // Per slot (a distinct path feature of a leaf): satisfied when (bits & Mask) == Value.
    private readonly ulong[] _slotMask;
    private readonly ulong[] _slotValue;
    private readonly int[] _slotFeature;

    private readonly double[] _shares;

    // Per tree: its distinct split features [TreeFeatureStart[t], TreeFeatureStart[t+1]) and, when tabulated, where its
    // 2^splits × features table starts in _treeTables (-1: explained leaf by leaf).
    private readonly int[] _treeFeatureStart;
    private readonly int[] _treeFeature;
    private readonly int[] _treeTableStart;
    private readonly double[] _treeTables;

    private LeafPatternShap(Builder b)
    {
        _splitStart = [.. b.SplitStart];
        _leafStart = [.. b.LeafStart];
        _splitFeature = [.. b.SplitFeature];
        _splitThreshold = [.. b.SplitThreshold];
        _slotStart = [.. b.SlotStart];
        _shareStart = [.. b.ShareStart];
        _slotMask = [.. b.SlotMask];
        _slotValue = [.. b.SlotValue];
        _slotFeature = [.. b.SlotFeature];
        _shares = [.. b.Shares];
        (_treeFeatureStart, _treeFeature, _treeTableStart, _treeTables) = TabulateTrees();
    }

    /// <returns>Null when a path has more than <see cref="MaxPathFeatures"/> distinct features or a tree too many splits.</returns>
    public static LeafPatternShap? TryBuild(FlatForest forest)
    {
        var builder = new Builder();
        foreach (var root in forest.Roots)
        {
            if (!builder.AddTree(forest, root))
            {
                return null;
            }
        }

        builder.SplitStart.Add(builder.SplitFeature.Count);
        builder.LeafStart.Add(builder.ShareStart.Count);
        builder.SlotStart.Add(builder.SlotMask.Count);
        return new LeafPatternShap(builder);
    }

    /// <summary>Trees explained by one table row each (the rest leaf by leaf).</summary>
    public int TabulatedTrees => _treeTableStart.Count(start => start >= 0);

    /// <summary>Adds every tree's SHAP values to <paramref name="phi"/> (one slot per feature; the base value is not included).</summary>
    public void Add(ReadOnlySpan<float> features, Span<double> phi)
    {
        var trees = _splitStart.Length - 1;
        for (var t = 0; t < trees; t++)
        {
            var bits = SplitBits(t, features);
            var table = _treeTableStart[t];
            if (table < 0)
            {
                AddLeaves(t, bits, phi);
                continue;
            }

            var first = _treeFeatureStart[t];
            var count = _treeFeatureStart[t + 1] - first;
            var row = _treeTables.AsSpan(table + ((int)bits * count), count);
            for (var j = 0; j < count; j++)
            {
                phi[_treeFeature[first + j]] += row[j];
            }
        }
    }

    // Bit s − first is set when the row goes left at split s of tree t.
    private ulong SplitBits(int t, ReadOnlySpan<float> features)
    {
        ulong bits = 0;
        var first = _splitStart[t];
        for (var s = first; s < _splitStart[t + 1]; s++)
        {
            bits |= (features[_splitFeature[s]] <= _splitThreshold[s] ? 1UL : 0UL) << (s - first);
        }

        return bits;
    }

    private void AddLeaves(int t, ulong bits, Span<double> phi)
    {
        for (var l = _leafStart[t]; l < _leafStart[t + 1]; l++)
        {
            var slotStart = _slotStart[l];
            var d = _slotStart[l + 1] - slotStart;
            var pattern = 0;
            for (var j = 0; j < d; j++)
            {
                pattern |= ((bits & _slotMask[slotStart + j]) == _slotValue[slotStart + j] ? 1 : 0) << j;
            }

            var shares = _shares.AsSpan(_shareStart[l] + (pattern * d), d);
            for (var j = 0; j < d; j++)
            {
                phi[_slotFeature[slotStart + j]] += shares[j];
            }
        }
    }

    // Each tree's SHAP vector for every pattern of its split directions, summed from the leaf tables.
    private (int[] FeatureStart, int[] Features, int[] TableStart, double[] Tables) TabulateTrees()
    {
        var trees = _splitStart.Length - 1;
        var featureStart = new int[trees + 1];
        var features = new List<int>();
        var tableStart = new int[trees];
        var tables = new List<double>();
        var width = _splitFeature.Length == 0 ? 0 : _splitFeature.Max() + 1;
        var phi = new double[width];
        for (var t = 0; t < trees; t++)
        {
            featureStart[t] = features.Count;
            var own = _splitFeature[_splitStart[t].._splitStart[t + 1]].Distinct().Order().ToArray();
            features.AddRange(own);
            var splits = _splitStart[t + 1] - _splitStart[t];
            var size = (1L << Math.Min(splits, 62)) * own.Length;
            if (splits > MaxTabulatedSplits || tables.Count + size > TreeTableBudget)
            {
                tableStart[t] = -1;
                continue;
            }

            tableStart[t] = tables.Count;
            for (var bits = 0UL; bits < 1UL << splits; bits++)
            {
                Array.Clear(phi);
                AddLeaves(t, bits, phi);
                tables.AddRange(own.Select(f => phi[f]));
            }
        }

        featureStart[trees] = features.Count;
        return (featureStart, [.. features], tableStart, [.. tables]);
    }

    private sealed class Builder
    {
        public List<int> SplitStart { get; } = [];

        public List<int> LeafStart { get; } = [];

        public List<int> SplitFeature { get; } = [];

        public List<float> SplitThreshold { get; } = [];

        public List<int> SlotStart { get; } = [];

        public List<int> ShareStart { get; } = [];

        public List<ulong> SlotMask { get; } = [];

        public List<ulong> SlotValue { get; } = [];

        public List<int> SlotFeature { get; } = [];

        public List<double> Shares { get; } = [];

        public bool AddTree(FlatForest forest, int root)
        {
            SplitStart.Add(SplitFeature.Count);
            LeafStart.Add(ShareStart.Count);
            var splitOfNode = new Dictionary<int, int>();
            return Walk(forest, root, [], splitOfNode);
        }

        private bool Walk(FlatForest forest, int node, List<(int Split, bool Left, int Feature, double Ratio)> path, Dictionary<int, int> splitOfNode)
        {
            var treeNode = forest.Nodes[node];
            if (treeNode.IsLeaf)
            {
                return AddLeaf(forest.Outputs[node], path);
            }

            var split = splitOfNode.Count;
            if (split == MaxSplitsPerTree)
            {
                return false;
            }

            splitOfNode[node] = split;
            SplitFeature.Add(treeNode.FeatureIndex);
            SplitThreshold.Add(treeNode.Value);
            var left = treeNode.LeftChild;
            foreach (var (child, goesLeft) in new[] { (left, true), (left + 1, false) })
            {
                path.Add((split, goesLeft, treeNode.FeatureIndex, forest.Covers[child] / forest.Covers[node]));
                var ok = Walk(forest, child, path, splitOfNode);
                path.RemoveAt(path.Count - 1);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private bool AddLeaf(double value, List<(int Split, bool Left, int Feature, double Ratio)> path)
        {
            // The leaf's distinct path features; each is satisfied when the row takes all of its splits' directions.
            var features = path.Select(p => p.Feature).Distinct().ToList();
            if (features.Count > MaxPathFeatures)
            {
                return false;
            }

            SlotStart.Add(SlotMask.Count);
            ShareStart.Add(Shares.Count);
            var zero = new double[features.Count];
            foreach (var feature in features)
            {
                ulong mask = 0, bits = 0;
                var ratio = 1.0;
                foreach (var p in path.Where(p => p.Feature == feature))
                {
                    mask |= 1UL << p.Split;
                    bits |= (p.Left ? 1UL : 0UL) << p.Split;
                    ratio *= p.Ratio;
                }

                zero[features.IndexOf(feature)] = ratio;
                SlotMask.Add(mask);
                SlotValue.Add(bits);
                SlotFeature.Add(feature);
            }

            var d = features.Count;
            for (var pattern = 0; pattern < (1 << d); pattern++)
            {
                for (var j = 0; j < d; j++)
                {
                    Shares.Add(value * (Bit(pattern, j) - zero[j]) * SubsetWeight(pattern, j, zero, d));
                }
            }

            return true;
        }
    }

    // Σ over subsets S of the satisfied features other than j of |S|!(d−1−|S|)!/d! · Π_{k ∉ S, k ≠ j} zero_k:
    // the expectation of the leaf given S weighs a satisfied feature in S by 1, any other by its cover fraction.
    private static double SubsetWeight(int pattern, int j, double[] zero, int d)
    {
        var others = pattern & ~(1 << j);
        var total = 0.0;
        for (var subset = others; ; subset = (subset - 1) & others)
        {
            var size = BitOperations.PopCount((uint)subset);
            var product = 1.0;
            for (var k = 0; k < d; k++)
            {
                if (k != j && Bit(subset, k) == 0)
                {
                    product *= zero[k];
                }
            }

            total += Factorial(size) * Factorial(d - 1 - size) / Factorial(d) * product;
            if (subset == 0)
            {
                break;
            }
        }

        return total;
    }

    private static int Bit(int pattern, int index) => (pattern >> index) & 1;

    private static double Factorial(int n)
    {
        var result = 1.0;
        for (var i = 2; i <= n; i++)
        {
            result *= i;
        }

        return result;
    }
}
