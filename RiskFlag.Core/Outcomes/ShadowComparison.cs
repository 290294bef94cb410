using RiskFlag.Core.Evaluation;

namespace RiskFlag.Core.Outcomes;

/// <summary>
/// The champion and the challenger on the same loans: every decision with an outcome whose shadow twin (the
/// challenger's decision on the same applicant, <see cref="Decisions.DecisionIds.ShadowOf"/>) has it too.
/// </summary>
/// <param name="Auc">First = champion, second = challenger: a positive difference means the challenger ranks better.</param>
/// <param name="Agreement">Share of the shared loans both flagged alike.</param>
public sealed record ShadowComparison(
    string ChampionVersion,
    string ChallengerVersion,
    int SharedOutcomes,
    PairedAuc Auc,
    double Agreement,
    double ChampionFlagRate,
    double ChallengerFlagRate)
{
    /// <summary>The comparisons in the query's window, one per champion and challenger version pair, most shared outcomes first.</summary>
    public static async Task<IReadOnlyList<ShadowComparison>> MeasureAsync(IOutcomeStore store, OutcomeQuery query, CancellationToken cancellationToken = default)
    {
        // Twins share their decision time, so both are in any window by decision date.
        var shadows = new Dictionary<Guid, OutcomeRecord>();
        var decided = new List<OutcomeRecord>();
        await foreach (var outcome in store.ReadAsync(query with { ModelVersion = null, Channel = null }, cancellationToken))
        {
            if (outcome.Channel == ShadowChannel)
            {
                shadows[outcome.DecisionId] = outcome;
            }
            else
            {
                decided.Add(outcome);
            }
        }

        var pairs = decided
            .Where(o => string.IsNullOrEmpty(query.Channel) || o.Channel == query.Channel)
            .Select(o => (Champion: o, Challenger: shadows.GetValueOrDefault(Decisions.DecisionIds.ShadowOf(o.DecisionId))))
            .Where(p => p.Challenger is not null)
            .GroupBy(p => (p.Champion.ModelVersion, p.Challenger!.ModelVersion));
        return [.. pairs.Select(g => Of(g.Key.Item1, g.Key.Item2, [.. g.Select(p => (p.Champion, p.Challenger!))])).OrderByDescending(c => c.SharedOutcomes)];
    }

    /// <summary>The comparison of these two versions over every recorded outcome, or null when they share none.</summary>
    public static async Task<ShadowComparison?> BetweenAsync(IOutcomeStore store, string champion, string challenger, CancellationToken cancellationToken = default) =>
        (await MeasureAsync(store, new OutcomeQuery(), cancellationToken))
            .FirstOrDefault(c => c.ChampionVersion == champion && c.ChallengerVersion == challenger);

    /// <summary>The channel shadow decisions are logged under.</summary>
    public const string ShadowChannel = "shadow";

    private static ShadowComparison Of(string champion, string challenger, List<(OutcomeRecord Champion, OutcomeRecord Challenger)> pairs)
    {
        var first = pairs.Select(p => (float)p.Champion.Probability).ToArray();
        var second = pairs.Select(p => (float)p.Challenger.Probability).ToArray();
        var labels = pairs.Select(p => p.Champion.Defaulted ? 1f : 0f).ToArray();
        var championFlags = pairs.Select(p => p.Champion.Probability >= p.Champion.Threshold).ToArray();
        var challengerFlags = pairs.Select(p => p.Challenger.Probability >= p.Challenger.Threshold).ToArray();
        var agree = championFlags.Zip(challengerFlags).Count(f => f.First == f.Second);
        return new ShadowComparison(
            champion, challenger, pairs.Count, PairedAucComparison.Compare(first, second, labels),
            (double)agree / pairs.Count, (double)championFlags.Count(f => f) / pairs.Count, (double)challengerFlags.Count(f => f) / pairs.Count);
    }
}
