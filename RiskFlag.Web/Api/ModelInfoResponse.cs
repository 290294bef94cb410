using RiskFlag.Core.Evaluation;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Api;

/// <summary>GET /api/model: which model serves and how good it is on unseen applicants (grouped) and on a naive split (random).</summary>
public sealed record ModelInfoResponse(
    string Version,
    DateTimeOffset LoadedAt,
    DateTimeOffset CreatedAt,
    double Threshold,
    int Trees,
    IReadOnlyList<string> Features,
    MetricsResponse Metrics)
{
    public static ModelInfoResponse From(ServedRiskModel model)
    {
        var metrics = model.Bundle.Metrics;
        return new ModelInfoResponse(
            model.Version,
            model.LoadedAt,
            model.Manifest.CreatedAt,
            model.Manifest.Threshold,
            model.Manifest.Trees,
            model.Manifest.Features,
            new MetricsResponse(metrics.Grouped, metrics.Random, metrics.TrainRows, metrics.ValidationRows, metrics.ValidationApplicants));
    }
}

public sealed record MetricsResponse(BinaryMetrics Grouped, BinaryMetrics Random, int TrainRows, int ValidationRows, int ValidationApplicants);

/// <summary>The answer of POST /api/model/reload.</summary>
public sealed record ReloadResponse(string Outcome, string? Version, string Message, DateTimeOffset Time)
{
    public static ReloadResponse From(ReloadEvent reload) =>
        new(reload.Outcome.ToString().ToLowerInvariant(), reload.Version, reload.Message, reload.Time);
}
