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
        var outcomes = await ReadAsync(store, query with { ModelVersion = null, Channel = null }, cancellationToken);
        return Compare(outcomes, query.Channel);
    }

    /// <summary>
    /// The comparison of these two versions over every outcome recorded for either, or null when they share none. Only
    /// their outcomes are read (the index on model version serves it).
    /// </summary>
    public static async Task<ShadowComparison?> BetweenAsync(IOutcomeStore store, string champion, string challenger, CancellationToken cancellationToken = default)
    {
        var outcomes = await ReadAsync(store, new OutcomeQuery(ModelVersion: champion), cancellationToken);
        outcomes.AddRange(await ReadAsync(store, new OutcomeQuery(ModelVersion: challenger), cancellationToken));
        return Compare(outcomes, channel: null).FirstOrDefault(c => c.ChampionVersion == champion && c.ChallengerVersion == challenger);
    }

    private static async Task<List<OutcomeRecord>> ReadAsync(IOutcomeStore store, OutcomeQuery query, CancellationToken cancellationToken)
    {
        var outcomes = new List<OutcomeRecord>();
        await foreach (var outcome in store.ReadAsync(query, cancellationToken))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <param name="channel">Only champion decisions of this channel; null: all.</param>
    private static List<ShadowComparison> Compare(List<OutcomeRecord> outcomes, string? channel)
    {
        var shadows = new Dictionary<Guid, OutcomeRecord>();
        foreach (var outcome in outcomes.Where(o => o.Channel == ShadowChannel))
        {
            shadows[outcome.DecisionId] = outcome;
        }

        var pairs = outcomes
            .Where(o => o.Channel != ShadowChannel && (string.IsNullOrEmpty(channel) || o.Channel == channel))
            .Select(o => (Champion: o, Challenger: shadows.GetValueOrDefault(Decisions.DecisionIds.ShadowOf(o.DecisionId))))
            .Where(p => p.Challenger is not null)
            .GroupBy(p => (p.Champion.ModelVersion, p.Challenger!.ModelVersion));
        return [.. pairs.Select(g => Of(g.Key.Item1, g.Key.Item2, [.. g.Select(p => (p.Champion, p.Challenger!))])).OrderByDescending(c => c.SharedOutcomes)];
    }

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
