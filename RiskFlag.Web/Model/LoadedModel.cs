using RiskFlag.Core.Bundle;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Web.Model;

/// <summary>A validated scorer and when it started serving.</summary>
public sealed record LoadedModel(RiskScorer Scorer, string Path, DateTimeOffset LoadedAt)
{
    public ModelBundle Bundle => Scorer.Model.Bundle;

    public BundleManifest Manifest => Scorer.Model.Manifest;

    public string Version => Scorer.ModelVersion;
}
