using RiskFlag.Core.Explanations;

namespace RiskFlag.Core.Bundle;

/// <summary>
/// What RiskFlag keeps beside the ML.NET model in risk-model.zip: how the model was made and how good it is, the
/// training distributions for drift, the vocabulary for the form, the tree covers for explanations and the plots.
/// </summary>
public sealed record ModelBundle(
    BundleManifest Manifest,
    ModelMetrics Metrics,
    ReferenceProfile Reference,
    string ParametersJson,
    CategoryVocabulary Vocabulary,
    TreeCovers Covers,
    IReadOnlyDictionary<string, string> Plots)
{
    public const string FileName = "risk-model.zip";
}
