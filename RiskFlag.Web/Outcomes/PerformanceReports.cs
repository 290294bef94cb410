using Microsoft.Extensions.Options;

using RiskFlag.Core.Outcomes;
using RiskFlag.Web.Decisions;

namespace RiskFlag.Web.Outcomes;

/// <summary>Builds the Performance page's and GET /api/performance's report from the query string's window.</summary>
public sealed class PerformanceReports(IOutcomeStore store, TrainingFigures training, IOptions<OutcomeOptions> options, TimeProvider clock)
{
    /// <summary>The window asked for (from, to, model, channel as on the Decisions page); without "from", the configured window.</summary>
    /// <param name="problems">One sentence per value that could not be read.</param>
    public DecisionFilter WindowOf(IQueryCollection query, out IReadOnlyList<string> problems)
    {
        var filter = DecisionFilter.FromQuery(query, out problems);
        var from = filter.From ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-options.Value.WindowDays);
        return filter with { From = from, Flag = null };
    }

    public async Task<PerformanceReport> BuildAsync(DecisionFilter window, CancellationToken cancellationToken)
    {
        var bounds = window.ToQuery(limit: 1);
        var query = new OutcomeQuery(bounds.From, bounds.To, window.ModelVersion, window.Channel);
        var live = await LivePerformanceCalculator.MeasureAsync(store, query, options.Value.MinimumOutcomes, cancellationToken);
        var models = live.GroupBy(p => p.ModelVersion, StringComparer.Ordinal)
            .Select(g => new ModelPerformance(g.Key, training.GroupedOf(g.Key), [.. g]))
            .ToList();
        var shadow = await ShadowComparison.MeasureAsync(store, query with { ModelVersion = null }, cancellationToken);
        return new PerformanceReport(window.From, window.To, options.Value.MinimumOutcomes, models, shadow);
    }
}
