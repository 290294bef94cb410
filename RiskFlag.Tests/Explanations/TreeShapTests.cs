using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

using RiskFlag.Core.Explanations;

namespace RiskFlag.Tests.Explanations;

/// <summary>
/// The explainer against the definition: Shapley values of the trees' path-dependent conditional expectation,
/// computed by brute force over every subset of features, on small LightGBM models trained here.
/// </summary>
public sealed class TreeShapTests
{
    // Depth 3 (7 splits) tabulates whole trees; depth 4 (15 splits) reads leaf tables.
    [Theory]
    [InlineData(3, 8, 4, true)]
    [InlineData(4, 16, 5, false)]
    public void Table_lookup_equals_brute_force_Shapley_values(int depth, int leaves, int features, bool wholeTrees)
    {
        var (ensemble, matrix, weights) = Train(depth, leaves, features, trees: 12);
        var explainer = TreeExplainer.Create(ensemble, TreeCovers.Compute(ensemble, matrix, features, weights), features);
        Assert.True(explainer.UsesTables);
        Assert.Equal(wholeTrees ? explainer.TreeCount : 0, explainer.TabulatedTrees);

        AssertExact(explainer, ensemble, TreeCovers.Compute(ensemble, matrix, features, weights), matrix, features);
    }

    [Fact]
    public void Deep_trees_fall_back_to_the_path_algorithm_and_stay_exact()
    {
        const int features = 7;
        var (ensemble, matrix, weights) = Train(depth: 10, leaves: 64, features, trees: 4);
        var covers = TreeCovers.Compute(ensemble, matrix, features, weights);
        var explainer = TreeExplainer.Create(ensemble, covers, features);
        Assert.False(explainer.UsesTables);

        AssertExact(explainer, ensemble, covers, matrix, features);
    }

    [Fact]
    public void Table_lookup_and_the_path_algorithm_agree_on_a_larger_model()
    {
        const int features = 6;
        var (ensemble, matrix, weights) = Train(depth: 3, leaves: 8, features, trees: 150);
        var explainer = TreeExplainer.Create(ensemble, TreeCovers.Compute(ensemble, matrix, features, weights), features);
        var fast = new double[features];
        var reference = new double[features];
        for (var row = 0; row < 300; row++)
        {
            var x = matrix.AsSpan(row * features, features);
            var score = explainer.Explain(x, fast);
            explainer.ExplainByPathAlgorithm(x, reference);
            for (var f = 0; f < features; f++)
            {
                Assert.Equal(reference[f], fast[f], 1e-10);
            }

            Assert.Equal(explainer.RawScore(x), score, 1e-9);
        }
    }

    [Fact]
    public void Explaining_allocates_nothing()
    {
        const int features = 5;
        var (ensemble, matrix, weights) = Train(depth: 3, leaves: 8, features, trees: 50);
        var explainer = TreeExplainer.Create(ensemble, TreeCovers.Compute(ensemble, matrix, features, weights), features);
        var contributions = new double[features];
        explainer.Explain(matrix.AsSpan(0, features), contributions);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var row = 0; row < 200; row++)
        {
            explainer.Explain(matrix.AsSpan(row * features, features), contributions);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static void AssertExact(TreeExplainer explainer, RegressionTreeEnsemble ensemble, TreeCovers covers, float[] matrix, int features)
    {
        var contributions = new double[features];
        var reference = new double[features];
        for (var row = 0; row < 40; row++)
        {
            var x = matrix.AsSpan(row * features, features).ToArray();
            var score = explainer.Explain(x, contributions);
            var expected = BruteForceShapley(ensemble, covers, x);
            for (var f = 0; f < features; f++)
            {
                Assert.Equal(expected[f], contributions[f], 1e-9);
            }

            explainer.ExplainByPathAlgorithm(x, reference);
            Assert.Equal(expected, reference, (a, b) => Math.Abs(a - b) < 1e-9);
            Assert.Equal(explainer.RawScore(x), score, 1e-9);
            Assert.Equal(Expectation(ensemble, covers, x, known: (1 << features) - 1), score, 1e-9);
            Assert.Equal(Expectation(ensemble, covers, x, known: 0), explainer.BaseValue, 1e-9);
        }
    }

    private static double[] BruteForceShapley(RegressionTreeEnsemble ensemble, TreeCovers covers, float[] x)
    {
        var m = x.Length;
        var phi = new double[m];
        for (var j = 0; j < m; j++)
        {
            for (var subset = 0; subset < 1 << m; subset++)
            {
                if ((subset & (1 << j)) != 0)
                {
                    continue;
                }

                var size = System.Numerics.BitOperations.PopCount((uint)subset);
                var weight = Factorial(size) * Factorial(m - size - 1) / Factorial(m);
                phi[j] += weight * (Expectation(ensemble, covers, x, subset | (1 << j)) - Expectation(ensemble, covers, x, subset));
            }
        }

        return phi;
    }

    // E[f(X) | X_S = x_S] as TreeSHAP defines it: known features follow x, unknown ones split by training cover.
    private static double Expectation(RegressionTreeEnsemble ensemble, TreeCovers covers, float[] x, int known)
    {
        var total = ensemble.Bias;
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            total += ensemble.TreeWeights[t] * Node(ensemble.Trees[t], covers.Trees[t], x, known, 0);
        }

        return total;
    }

    private static double Node(RegressionTree tree, TreeCover cover, float[] x, int known, int node)
    {
        if (node < 0)
        {
            return tree.LeafValues[~node];
        }

        var feature = tree.NumericalSplitFeatureIndexes[node];
        var left = tree.LeftChild[node];
        var right = tree.RightChild[node];
        if ((known & (1 << feature)) != 0)
        {
            return Node(tree, cover, x, known, x[feature] <= tree.NumericalSplitThresholds[node] ? left : right);
        }

        double Cover(int child) => child < 0 ? cover.Leaves[~child] : cover.Nodes[child];
        return ((Cover(left) * Node(tree, cover, x, known, left)) + (Cover(right) * Node(tree, cover, x, known, right))) / cover.Nodes[node];
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    private static (RegressionTreeEnsemble Ensemble, float[] Matrix, float[] Weights) Train(int depth, int leaves, int features, int trees)
    {
        const int rows = 3000;
        var random = new Random(depth * 100 + features);
        var matrix = new float[rows * features];
        var data = new List<Row>();
        var weights = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var x = new float[features];
            for (var f = 0; f < features; f++)
            {
                // Integer-valued and continuous features, as the real inputs are.
                x[f] = f % 2 == 0 ? random.Next(0, 6) : (float)random.NextDouble();
            }

            var logit = (x[0] - 2.5) + (3 * x[1] * (x[2 % features] > 2 ? 1 : -1)) + (features > 3 ? x[3] : 0);
            var label = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            weights[r] = 1 + random.Next(3);
            x.CopyTo(matrix, r * features);
            data.Add(new Row { Features = x, Label = label, Weight = weights[r] });
        }

        var ml = new MLContext(seed: 1);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        var view = ml.Data.LoadFromEnumerable(data, schema);
        var model = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = 5,
            LearningRate = 0.3,
            Sigmoid = 1,
            ExampleWeightColumnName = nameof(Row.Weight),
            NumberOfThreads = 1,
            Seed = 1,
            Silent = true,
            Booster = new GradientBooster.Options { MaximumTreeDepth = depth },
        }).Fit(view);
        return (model.Model.SubModel.TrainedTreeEnsemble, matrix, weights);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}
