namespace RiskFlag.Core.Engine;

/// <summary>What <see cref="ModelJsonReader"/> extracts from a saved XGBoost model.</summary>
/// <param name="BaseScore">learner_model_param.base_score: a probability for binary:logistic, not a margin.</param>
internal sealed record ModelDefinition(int FeatureCount, float BaseScore, IReadOnlyList<ModelTree> Trees);
