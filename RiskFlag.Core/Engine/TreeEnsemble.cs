namespace RiskFlag.Core.Engine;

/// <summary>
/// Managed scorer for an XGBoost binary:logistic tree ensemble, built from the model JSON that
/// <see cref="Booster.SaveModelJson"/> writes. Gives the same margins, probabilities and contributions as XGBoost.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; the scoring methods allocate nothing, so one instance can serve every request.
/// Feature vectors use NaN for missing values, which follow each split's default direction.
/// </remarks>
public sealed class TreeEnsemble
{
    private readonly FlatForest _forest;

    private TreeEnsemble(FlatForest forest, int featureCount, double baseMargin)
    {
        _forest = forest;
        FeatureCount = featureCount;
        BaseMargin = baseMargin;
    }

    public int FeatureCount { get; }

    public int TreeCount => _forest.Roots.Length;

    /// <summary>The margin every prediction starts from: logit(base_score).</summary>
    public double BaseMargin { get; }

    /// <exception cref="InvalidDataException">The JSON is not a single-output gbtree binary:logistic model.</exception>
    public static TreeEnsemble FromModelJson(ReadOnlySpan<byte> json)
    {
        ModelDefinition model = ModelJsonReader.Read(json);
        return new TreeEnsemble(FlatForest.Build(model.Trees), model.FeatureCount, LogisticLink.Logit(model.BaseScore));
    }

    /// <summary>Raw score before the sigmoid: base margin plus one leaf value per tree.</summary>
    public double PredictMargin(ReadOnlySpan<float> features)
    {
        RequireFeatureCount(features.Length, nameof(features));
        return BaseMargin + ForestWalk.SumLeafValues(_forest, features);
    }

    public double PredictProbability(ReadOnlySpan<float> features)
    {
        return LogisticLink.Sigmoid(PredictMargin(features));
    }

    /// <summary>
    /// Saabas attributions (XGBoost's approx_contribs): along each tree's decision path, each split's feature is
    /// credited with the change in the subtree's expected value. Last slot = bias; the total is the margin.
    /// </summary>
    public void ApproximateContributions(ReadOnlySpan<float> features, Span<double> contributions)
    {
        RequireContributionShape(features.Length, contributions.Length, nameof(features), nameof(contributions));
        contributions.Clear();
        contributions[FeatureCount] = BaseMargin;
        SaabasAttribution.Add(_forest, features, contributions);
    }

    /// <summary>
    /// Exact SHAP values (XGBoost's pred_contribs), by Lundberg's polynomial-time TreeSHAP. Last slot = bias;
    /// the total is the margin. Costs roughly trees × leaves × depth² per row, far more than the approximation.
    /// </summary>
    public void ExactContributions(ReadOnlySpan<float> features, Span<double> contributions)
    {
        RequireContributionShape(features.Length, contributions.Length, nameof(features), nameof(contributions));
        contributions.Clear();
        contributions[FeatureCount] = BaseMargin;
        TreeShap.Add(_forest, features, contributions);
    }

    private void RequireFeatureCount(int length, string parameterName)
    {
        if (length != FeatureCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features, got {length}.", parameterName);
        }
    }

    private void RequireContributionShape(int featureLength, int contributionLength, string featuresName, string contributionsName)
    {
        RequireFeatureCount(featureLength, featuresName);
        if (contributionLength != FeatureCount + 1)
        {
            throw new ArgumentException($"Expected {FeatureCount + 1} contribution slots (features + bias), got {contributionLength}.", contributionsName);
        }
    }
}
