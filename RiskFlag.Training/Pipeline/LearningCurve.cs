using Microsoft.ML.Trainers.FastTree;

namespace RiskFlag.Training.Pipeline;

/// <summary>
/// Weighted log loss after each boosting round, recomputed from the finished trees: LightGBM reports its evaluation
/// only to its own log, and the trees give the exact same sums.
/// </summary>
public static class LearningCurve
{
    public static double[] LogLoss(RegressionTreeEnsemble ensemble, float[] matrix, int width, float[] labels, float[] weights)
    {
        var rows = labels.Length;
        var scores = new double[rows];
        Array.Fill(scores, ensemble.Bias);
        var curve = new double[ensemble.Trees.Count];
        var total = weights.Sum(w => (double)w);
        for (var t = 0; t < curve.Length; t++)
        {
            var tree = ensemble.Trees[t];
            var weight = ensemble.TreeWeights[t];
            var loss = 0.0;
            for (var row = 0; row < rows; row++)
            {
                scores[row] += weight * Leaf(tree, matrix.AsSpan(row * width, width));
                var p = Math.Clamp(1 / (1 + Math.Exp(-scores[row])), 1e-15, 1 - 1e-15);
                loss -= weights[row] * (labels[row] > 0.5f ? Math.Log(p) : Math.Log(1 - p));
            }

            curve[t] = total == 0 ? 0 : loss / total;
        }

        return curve;
    }

    private static double Leaf(RegressionTree tree, ReadOnlySpan<float> features)
    {
        if (tree.NumberOfNodes == 0)
        {
            return tree.LeafValues[0];
        }

        var node = 0;
        while (node >= 0)
        {
            node = features[tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node] ? tree.LeftChild[node] : tree.RightChild[node];
        }

        return tree.LeafValues[~node];
    }
}
