namespace RiskFlag.Core.Bundle;

/// <summary>Everything needed to score, explain and audit one trained model, stored as one zip file.</summary>
public sealed record ModelBundle(
    BundleManifest Manifest,
    byte[] ModelJson,
    EncodingsDocument Encodings,
    ModelMetrics Metrics,
    ReferenceProfile Reference,
    string ParametersJson,
    IReadOnlyDictionary<string, string> Plots)
{
    public const string FileName = "risk-model.zip";
}
