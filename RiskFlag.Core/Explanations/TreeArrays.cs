using Microsoft.ML.Trainers.FastTree;

namespace RiskFlag.Core.Explanations;

/// <summary>
/// An ensemble's trees copied once into plain arrays, for sending many rows down every tree: ML.NET exposes each
/// tree's arrays through interfaces, which costs an interface call per node visited.
/// </summary>
public sealed class TreeArrays
{
    private readonly Tree[] _trees;

    public TreeArrays(RegressionTreeEnsemble ensemble)
    {
        _trees = [.. ensemble.Trees.Select((tree, t) => new Tree(
            [.. tree.NumericalSplitFeatureIndexes],
            [.. tree.NumericalSplitThresholds],
            [.. tree.LeftChild],
            [.. tree.RightChild],
            [.. tree.LeafValues],
            ensemble.TreeWeights[t]))];
        Bias = ensemble.Bias;
    }

    public int Count => _trees.Length;

    public double Bias { get; }

    public int NodeCount(int tree) => _trees[tree].Features.Length;

    public int LeafCount(int tree) => _trees[tree].LeafValues.Length;

    /// <summary>Tree <paramref name="tree"/>'s leaf value for this row, times the tree's weight.</summary>
    public double Output(int tree, ReadOnlySpan<float> features)
    {
        var t = _trees[tree];
        return t.LeafValues[t.Leaf(features, [])] * t.Weight;
    }

    /// <summary>Sends one row down one tree, adding <paramref name="weight"/> to every node and the leaf it passes.</summary>
    public void AddCover(int tree, ReadOnlySpan<float> features, double weight, Span<double> nodes, Span<double> leaves)
    {
        var t = _trees[tree];
        leaves[t.Leaf(features, nodes, weight)] += weight;
    }

    private sealed record Tree(int[] Features, float[] Thresholds, int[] Left, int[] Right, double[] LeafValues, double Weight)
    {
        /// <summary>The leaf this row reaches, adding <paramref name="weight"/> to each node passed when <paramref name="covers"/> is not empty.</summary>
        public int Leaf(ReadOnlySpan<float> features, Span<double> covers, double weight = 0)
        {
            // ML.NET numbers internal nodes from 0 and leaves as ~index; a tree with no split is a single leaf.
            if (Features.Length == 0)
            {
                return 0;
            }

            var track = !covers.IsEmpty;
            var node = 0;
            while (node >= 0)
            {
                if (track)
                {
                    covers[node] += weight;
                }

                node = features[Features[node]] <= Thresholds[node] ? Left[node] : Right[node];
            }

            return ~node;
        }
    }
}
