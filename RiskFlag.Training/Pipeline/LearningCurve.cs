using Microsoft.ML.Trainers.FastTree;

using RiskFlag.Core.Explanations;

namespace RiskFlag.Training.Pipeline;

/// <summary>
/// Weighted log loss after each boosting round, recomputed from the finished trees: LightGBM reports its evaluation
/// only to its own log, and the trees give the exact same sums.
/// </summary>
public static class LearningCurve
{
    // Fixed blocks summed in order: the curve is the same on any number of cores.
    private const int BlockRows = 4096;

    public static double[] LogLoss(RegressionTreeEnsemble ensemble, float[] matrix, int width, float[] labels, float[] weights)
    {
        var trees = new TreeArrays(ensemble);
        var rows = labels.Length;
        var blocks = (rows + BlockRows - 1) / BlockRows;
        var partial = new double[blocks][];
        Parallel.For(0, blocks, block =>
        {
            var losses = new double[trees.Count];
            var end = Math.Min(rows, (block + 1) * BlockRows);
            for (var row = block * BlockRows; row < end; row++)
            {
                var features = matrix.AsSpan(row * width, width);
                var positive = labels[row] > 0.5f;
                var score = trees.Bias;
                for (var t = 0; t < trees.Count; t++)
                {
                    score += trees.Output(t, features);
                    var p = Math.Clamp(1 / (1 + Math.Exp(-score)), 1e-15, 1 - 1e-15);
                    losses[t] -= weights[row] * (positive ? Math.Log(p) : Math.Log(1 - p));
                }
            }

            partial[block] = losses;
        });

        var total = weights.Sum(w => (double)w);
        var curve = new double[trees.Count];
        for (var t = 0; t < curve.Length; t++)
        {
            var loss = 0.0;
            foreach (var losses in partial)
            {
                loss += losses[t];
            }

            curve[t] = total == 0 ? 0 : loss / total;
        }

        return curve;
    }
}
