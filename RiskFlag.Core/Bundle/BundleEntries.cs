namespace RiskFlag.Core.Bundle;

/// <summary>
/// Entry names of RiskFlag's own metadata inside risk-model.zip. They live in one folder of their own beside the
/// entries ML.NET writes, which <c>MLContext.Model.Load</c> ignores.
/// </summary>
internal static class BundleEntries
{
    public const string Folder = "riskflag/";
    public const string Manifest = Folder + "manifest.json";
    public const string Metrics = Folder + "metrics.json";
    public const string Reference = Folder + "reference.json";
    public const string Parameters = Folder + "params.json";
    public const string Vocabulary = Folder + "vocabulary.json";
    public const string Covers = Folder + "tree-covers.json";
    public const string PlotsFolder = Folder + "plots/";

    /// <summary>Where bundles of earlier builds (zip schema 1, another engine) kept their manifest: the zip's root.</summary>
    public const string LegacyManifest = "manifest.json";
}
