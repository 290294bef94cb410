using RiskFlag.Core.Evaluation;
using RiskFlag.Core.Outcomes;

namespace RiskFlag.Web.Outcomes;

/// <summary>Live performance over a window of decision dates, each model version beside its training figures.</summary>
/// <param name="From">First decision day (UTC) of the window.</param>
/// <param name="To">Last decision day of the window, included; null: up to now.</param>
/// <param name="Shadow">Champion against challenger on the loans both decided (the challenger in shadow).</param>
public sealed record PerformanceReport(
    DateOnly? From, DateOnly? To, int MinimumOutcomes, IReadOnlyList<ModelPerformance> Models, IReadOnlyList<ShadowComparison> Shadow);

/// <param name="Training">The version's metrics on its grouped validation set; null when its zip is not at hand.</param>
/// <param name="Live">All channels first, then each channel.</param>
public sealed record ModelPerformance(string ModelVersion, BinaryMetrics? Training, IReadOnlyList<LivePerformance> Live);
