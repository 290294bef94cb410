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

        var arrays = new TreeArrays(ensemble);
        var trees = new TreeCover[arrays.Count];
        Parallel.For(0, trees.Length, t =>
        {
            var nodes = new double[arrays.NodeCount(t)];
            var leaves = new double[arrays.LeafCount(t)];
            for (var row = 0; row < rows; row++)
            {
                arrays.AddCover(t, matrix.AsSpan(row * width, width), weights[row], nodes, leaves);
            }

            trees[t] = new TreeCover(nodes, leaves);
        });
        return new TreeCovers(trees);
    }
}

/// <param name="Nodes">Cover of internal node i.</param>
/// <param name="Leaves">Cover of leaf i.</param>
public sealed record TreeCover(IReadOnlyList<double> Nodes, IReadOnlyList<double> Leaves);
