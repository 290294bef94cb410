namespace RiskFlag.Core.Engine;

/// <summary>
/// All trees of a model in one breadth-first node array (children of a node adjacent, parents before children),
/// plus the per-node statistics the contribution algorithms need. Never mutated after <see cref="Build"/>.
/// </summary>
internal sealed class FlatForest
{
    private FlatForest(TreeNode[] nodes, float[] covers, double[] meanValues, int[] roots, int maxDepth)
    {
        Nodes = nodes;
        Covers = covers;
        MeanValues = meanValues;
        Roots = roots;
        MaxDepth = maxDepth;
    }

    public TreeNode[] Nodes { get; }

    /// <summary>Sum of hessians of the training rows that reached each node (XGBoost's "cover").</summary>
    public float[] Covers { get; }

    /// <summary>Cover-weighted mean output of each node's subtree: the expected value once the path reaches it.</summary>
    public double[] MeanValues { get; }

    public int[] Roots { get; }

    /// <summary>Depth of the deepest leaf in any tree; the root is at depth 0.</summary>
    public int MaxDepth { get; }

    public static FlatForest Build(IReadOnlyList<ModelTree> trees)
    {
        int capacity = trees.Sum(static tree => tree.NodeCount);
        var nodes = new TreeNode[capacity];
        var covers = new float[capacity];
        var roots = new int[trees.Count];
        int used = 0;
        int maxDepth = 0;
        for (int t = 0; t < trees.Count; t++)
        {
            roots[t] = used;
            maxDepth = Math.Max(maxDepth, AppendTree(trees[t], nodes, covers, ref used));
        }

        // Nodes XGBoost pruned but kept in its arrays are unreachable and were skipped.
        Array.Resize(ref nodes, used);
        Array.Resize(ref covers, used);
        return new FlatForest(nodes, covers, MeanValuesOf(nodes, covers), roots, maxDepth);
    }

    /// <returns>The depth of the tree's deepest leaf.</returns>
    private static int AppendTree(ModelTree tree, TreeNode[] nodes, float[] covers, ref int used)
    {
        // Marking nodes when they are queued bounds the work on malformed input and catches shared children.
        var queued = new bool[tree.NodeCount];
        var pending = new Queue<(int ModelNode, int FlatNode, int Depth)>();
        queued[0] = true;
        pending.Enqueue((0, used++, 0));
        int maxDepth = 0;
        while (pending.TryDequeue(out (int ModelNode, int FlatNode, int Depth) item))
        {
            (int modelNode, int flatNode, int depth) = item;
            covers[flatNode] = tree.SumHessian[modelNode];
            if (tree.IsLeaf(modelNode))
            {
                nodes[flatNode] = TreeNode.Leaf(tree.SplitConditions[modelNode]);
                maxDepth = Math.Max(maxDepth, depth);
                continue;
            }

            int left = used;
            used += 2;
            nodes[flatNode] = new TreeNode(left, tree.SplitIndices[modelNode], tree.SplitConditions[modelNode], tree.DefaultLeft[modelNode]);
            Enqueue(tree.LeftChildren[modelNode], left);
            Enqueue(tree.RightChildren[modelNode], left + 1);

            void Enqueue(int child, int slot)
            {
                if (queued[child])
                {
                    throw new InvalidDataException("XGBoost model JSON: a tree's child links do not form a tree.");
                }

                queued[child] = true;
                pending.Enqueue((child, slot, depth + 1));
            }
        }

        return maxDepth;
    }

    // Same recurrence as XGBoost's FillNodeMeanValues; walking backwards visits children before parents.
    private static double[] MeanValuesOf(TreeNode[] nodes, float[] covers)
    {
        var means = new double[nodes.Length];
        for (int i = nodes.Length - 1; i >= 0; i--)
        {
            TreeNode node = nodes[i];
            if (node.IsLeaf)
            {
                means[i] = node.Value;
                continue;
            }

            int left = node.LeftChild;
            means[i] = ((means[left] * covers[left]) + (means[left + 1] * covers[left + 1])) / covers[i];
        }

        return means;
    }
}
