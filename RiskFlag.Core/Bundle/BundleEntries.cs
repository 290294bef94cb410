namespace RiskFlag.Core.Bundle;

/// <summary>Entry names inside risk-model.zip.</summary>
internal static class BundleEntries
{
    public const string Manifest = "manifest.json";
    public const string Model = "model.json";
    public const string Encodings = "encodings.json";
    public const string Metrics = "metrics.json";
    public const string Reference = "reference.json";
    public const string Parameters = "params.json";
    public const string PlotsFolder = "plots/";
}
