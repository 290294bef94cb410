using Microsoft.ML.Trainers.FastTree;

namespace RiskFlag.Core.Explanations;

/// <summary>
/// How much training weight reached each node of each tree: what TreeSHAP needs besides the trees, and what
/// LightGBM keeps to itself. Computed once in training by sending the rows the trees were fitted on down every tree;
/// stored in the model zip beside the ML.NET model.
/// </summary>
/// <param name="Trees">Per tree: the cover of each internal node (ML.NET's node order), then of each leaf.</param>
public sealed record TreeCovers(IReadOnlyList<TreeCover> Trees)
{
    /// <param name="matrix">Row-major model inputs, <paramref name="width"/> per row.</param>
    public static TreeCovers Compute(RegressionTreeEnsemble ensemble, float[] matrix, int width, float[] weights)
    {
        var rows = weights.Length;
        if (matrix.Length != rows * width)
        {
            throw new ArgumentException($"{matrix.Length} values are not {rows} rows of {width}", nameof(matrix));
        }

        var trees = new TreeCover[ensemble.Trees.Count];
        Parallel.For(0, trees.Length, t =>
        {
            var tree = ensemble.Trees[t];
            var nodes = new double[tree.NumberOfNodes];
            var leaves = new double[tree.NumberOfLeaves];
            for (var row = 0; row < rows; row++)
            {
                var features = matrix.AsSpan(row * width, width);
                var weight = weights[row];
                if (tree.NumberOfNodes == 0)
                {
                    leaves[0] += weight;
                    continue;
                }

                var node = 0;
                while (node >= 0)
                {
                    nodes[node] += weight;
                    node = features[tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node]
                        ? tree.LeftChild[node]
                        : tree.RightChild[node];
                }

                leaves[~node] += weight;
            }

            trees[t] = new TreeCover(nodes, leaves);
        });
        return new TreeCovers(trees);
    }
}

/// <param name="Nodes">Cover of internal node i.</param>
/// <param name="Leaves">Cover of leaf i.</param>
public sealed record TreeCover(IReadOnlyList<double> Nodes, IReadOnlyList<double> Leaves);
