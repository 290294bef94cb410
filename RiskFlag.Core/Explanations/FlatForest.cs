using Microsoft.ML.Trainers.FastTree;

namespace RiskFlag.Core.Explanations;

/// <summary>
/// All trees of a model in one breadth-first node array (children of a node adjacent, parents before children),
/// plus the per-node statistics TreeSHAP needs. Leaf values are scaled by their tree's weight, so the forest's sum
/// is the ensemble's raw score without its bias. Never mutated after <see cref="Build"/>.
/// </summary>
internal sealed class FlatForest
{
    private FlatForest(TreeNode[] nodes, double[] outputs, double[] covers, double[] meanValues, int[] roots, int maxDepth)
    {
        Nodes = nodes;
        Outputs = outputs;
        Covers = covers;
        MeanValues = meanValues;
        Roots = roots;
        MaxDepth = maxDepth;
    }

    public TreeNode[] Nodes { get; }

    /// <summary>Each leaf's output times its tree's weight, in double as ML.NET adds them; 0 for internal nodes.</summary>
    public double[] Outputs { get; }

    /// <summary>Training weight that reached each node.</summary>
    public double[] Covers { get; }

    /// <summary>Cover-weighted mean output of each node's subtree: the expected value once the path reaches it.</summary>
    public double[] MeanValues { get; }

    public int[] Roots { get; }

    /// <summary>Depth of the deepest leaf in any tree; the root is at depth 0.</summary>
    public int MaxDepth { get; }

    /// <exception cref="InvalidDataException">The covers do not describe these trees, or a tree uses a split TreeSHAP here does not handle.</exception>
    public static FlatForest Build(RegressionTreeEnsemble ensemble, TreeCovers covers, int featureCount)
    {
        var trees = ensemble.Trees;
        if (covers.Trees.Count != trees.Count)
        {
            throw new InvalidDataException($"tree covers describe {covers.Trees.Count} trees, the model has {trees.Count}");
        }

        var capacity = trees.Sum(t => t.NumberOfNodes + t.NumberOfLeaves);
        var nodes = new TreeNode[capacity];
        var outputs = new double[capacity];
        var flatCovers = new double[capacity];
        var roots = new int[trees.Count];
        var used = 0;
        var maxDepth = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            roots[t] = used;
            maxDepth = Math.Max(maxDepth, AppendTree(trees[t], ensemble.TreeWeights[t], covers.Trees[t], featureCount, nodes, outputs, flatCovers, ref used));
        }

        return new FlatForest(nodes, outputs, flatCovers, MeanValuesOf(nodes, outputs, flatCovers), roots, maxDepth);
    }

    /// <returns>The depth of the tree's deepest leaf.</returns>
    private static int AppendTree(RegressionTree tree, double weight, TreeCover cover, int featureCount, TreeNode[] nodes, double[] outputs, double[] covers, ref int used)
    {
        if (cover.Nodes.Count != tree.NumberOfNodes || cover.Leaves.Count != tree.NumberOfLeaves)
        {
            throw new InvalidDataException("tree covers do not match the shape of the model's trees");
        }

        // ML.NET numbers internal nodes from 0 and leaves as ~index; a tree with no split is a single leaf.
        var pending = new Queue<(int TreeNode, int FlatNode, int Depth)>();
        pending.Enqueue((tree.NumberOfNodes == 0 ? ~0 : 0, used++, 0));
        var maxDepth = 0;
        var visited = 0;
        while (pending.TryDequeue(out var item))
        {
            var (treeNode, flatNode, depth) = item;
            if (++visited > tree.NumberOfNodes + tree.NumberOfLeaves)
            {
                throw new InvalidDataException("a tree's child links do not form a tree");
            }

            if (treeNode < 0)
            {
                nodes[flatNode] = TreeNode.Leaf;
                outputs[flatNode] = tree.LeafValues[~treeNode] * weight;
                covers[flatNode] = Positive(cover.Leaves[~treeNode]);
                maxDepth = Math.Max(maxDepth, depth);
                continue;
            }

            if (tree.CategoricalSplitFlags[treeNode])
            {
                throw new InvalidDataException("the model has a categorical split; RiskFlag trains numeric splits only");
            }

            var feature = tree.NumericalSplitFeatureIndexes[treeNode];
            if (feature < 0 || feature >= featureCount)
            {
                throw new InvalidDataException($"a split uses feature {feature} of {featureCount}");
            }

            var left = used;
            used += 2;
            nodes[flatNode] = new TreeNode(left, feature, tree.NumericalSplitThresholds[treeNode]);
            covers[flatNode] = Positive(cover.Nodes[treeNode]);
            pending.Enqueue((tree.LeftChild[treeNode], left, depth + 1));
            pending.Enqueue((tree.RightChild[treeNode], left + 1, depth + 1));
        }

        return maxDepth;
    }

    // Every node was grown from training rows, so a node without cover means the covers belong to other trees.
    private static double Positive(double cover) =>
        cover > 0 && double.IsFinite(cover) ? cover : throw new InvalidDataException($"a tree node has cover {cover}");

    // Walking backwards visits children before parents.
    private static double[] MeanValuesOf(TreeNode[] nodes, double[] outputs, double[] covers)
    {
        var means = new double[nodes.Length];
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            var node = nodes[i];
            if (node.IsLeaf)
            {
                means[i] = outputs[i];
                continue;
            }

            var left = node.LeftChild;
            means[i] = ((means[left] * covers[left]) + (means[left + 1] * covers[left + 1])) / covers[i];
        }

        return means;
    }
}
