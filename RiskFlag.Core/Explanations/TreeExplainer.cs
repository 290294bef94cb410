using Microsoft.ML.Trainers.FastTree;

namespace RiskFlag.Core.Explanations;

/// <summary>
/// Exact SHAP values of the model's LightGBM trees for one row: per feature, how far it moved the raw score (the
/// log-odds of default) away from the base value. The values plus <see cref="BaseValue"/> equal the raw score.
/// Immutable and thread-safe; explaining allocates nothing.
/// </summary>
public sealed class TreeExplainer
{
    private readonly FlatForest _forest;
    private readonly LeafPatternShap? _tables;

    private TreeExplainer(FlatForest forest, int featureCount, double bias)
    {
        _forest = forest;
        _tables = LeafPatternShap.TryBuild(forest);
        FeatureCount = featureCount;
        Bias = bias;
        BaseValue = bias + forest.Roots.Sum(root => forest.MeanValues[root]);
    }

    public int FeatureCount { get; }

    public int TreeCount => _forest.Roots.Length;

    /// <summary>The ensemble's constant term.</summary>
    public double Bias { get; }

    /// <summary>The expected raw score over the training rows: where every explanation starts.</summary>
    public double BaseValue { get; }

    /// <exception cref="InvalidDataException">The covers do not belong to these trees.</exception>
    public static TreeExplainer Create(RegressionTreeEnsemble ensemble, TreeCovers covers, int featureCount) =>
        new(FlatForest.Build(ensemble, covers, featureCount), featureCount, ensemble.Bias);

    /// <summary>Fills <paramref name="contributions"/> (one per feature) and returns the raw score they explain.</summary>
    public double Explain(ReadOnlySpan<float> features, Span<double> contributions)
    {
        Require(features.Length, contributions.Length);
        var score = BaseValue;
        if (_tables is not null)
        {
            contributions.Clear();
            _tables.Add(features, contributions);
        }
        else
        {
            Span<double> phi = stackalloc double[FeatureCount + 1];
            TreeShap.Add(_forest, features, phi);
            phi[..FeatureCount].CopyTo(contributions);
        }

        foreach (var value in contributions)
        {
            score += value;
        }

        return score;
    }

    /// <summary>Lundberg's Algorithm 2 whatever the depth: the reference the table lookup is checked against.</summary>
    internal void ExplainByPathAlgorithm(ReadOnlySpan<float> features, Span<double> contributions)
    {
        Require(features.Length, contributions.Length);
        Span<double> phi = stackalloc double[FeatureCount + 1];
        TreeShap.Add(_forest, features, phi);
        phi[..FeatureCount].CopyTo(contributions);
    }

    /// <summary>True when shallow trees let explanations be read from precomputed tables.</summary>
    internal bool UsesTables => _tables is not null;

    /// <summary>Trees whose SHAP vector is read whole from a table of their split patterns.</summary>
    internal int TabulatedTrees => _tables?.TabulatedTrees ?? 0;

    /// <summary>The raw score by walking each tree: what the explanation must add up to.</summary>
    public double RawScore(ReadOnlySpan<float> features)
    {
        Require(features.Length, FeatureCount);
        var nodes = _forest.Nodes;
        var sum = Bias;
        foreach (var root in _forest.Roots)
        {
            var node = root;
            while (!nodes[node].IsLeaf)
            {
                node = nodes[node].Child(features[nodes[node].FeatureIndex]);
            }

            sum += _forest.Outputs[node];
        }

        return sum;
    }

    private void Require(int features, int contributions)
    {
        if (features != FeatureCount || contributions != FeatureCount)
        {
            throw new ArgumentException($"expected {FeatureCount} features and as many contribution slots, got {features} and {contributions}");
        }
    }
}
