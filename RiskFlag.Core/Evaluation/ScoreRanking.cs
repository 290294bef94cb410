namespace RiskFlag.Core.Evaluation;

/// <summary>
/// The data sorted once by decreasing score and collapsed to its distinct scores, with the cumulative positive and
/// negative weight flagged when the threshold is lowered to each of them. Every ranking metric and curve is a single
/// pass over this, which keeps the whole evaluation at one sort; grouping tied scores is what makes ties count one
/// half in the AUC.
/// </summary>
internal sealed class ScoreRanking
{
    private readonly double[] _thresholds;
    private readonly double[] _cumulativePositive;
    private readonly double[] _cumulativeNegative;

    private ScoreRanking(double[] thresholds, double[] cumulativePositive, double[] cumulativeNegative, int count)
    {
        _thresholds = thresholds;
        _cumulativePositive = cumulativePositive;
        _cumulativeNegative = cumulativeNegative;
        Count = count;
    }

    /// <summary>Number of distinct scores among rows with non-zero weight.</summary>
    public int Count { get; }

    /// <summary>Distinct scores, highest first.</summary>
    public ReadOnlySpan<double> Thresholds => _thresholds.AsSpan(0, Count);

    /// <summary>Positive weight with score &gt;= <see cref="Thresholds"/>[i] (true positives at that threshold).</summary>
    public ReadOnlySpan<double> CumulativePositive => _cumulativePositive.AsSpan(0, Count);

    /// <summary>Negative weight with score &gt;= <see cref="Thresholds"/>[i] (false positives at that threshold).</summary>
    public ReadOnlySpan<double> CumulativeNegative => _cumulativeNegative.AsSpan(0, Count);

    public double TotalPositive => Count == 0 ? 0.0 : _cumulativePositive[Count - 1];

    public double TotalNegative => Count == 0 ? 0.0 : _cumulativeNegative[Count - 1];

    /// <summary>Ranking metrics compare positives with negatives, so they are only defined when both occur.</summary>
    public bool HasBothClasses => TotalPositive > 0.0 && TotalNegative > 0.0;

    public static ScoreRanking Build(LabeledScores data)
    {
        // Zero-weight rows do not exist in the expanded data; dropping them keeps them from creating empty
        // threshold groups whose precision would be 0/0.
        ulong[] keys = new ulong[data.Count];
        int kept = 0;
        for (int row = 0; row < data.Count; row++)
        {
            if (data.Weight(row) > 0.0)
            {
                keys[kept++] = ScoreOrder.Key(data.Probability(row), row);
            }
        }

        Span<ulong> sorted = keys.AsSpan(0, kept);
        ScoreOrder.SortDescending(sorted);
        return Accumulate(data, sorted);
    }

    private static ScoreRanking Accumulate(LabeledScores data, ReadOnlySpan<ulong> descendingKeys)
    {
        double[] thresholds = new double[descendingKeys.Length];
        double[] cumulativePositive = new double[descendingKeys.Length];
        double[] cumulativeNegative = new double[descendingKeys.Length];
        int groups = 0;
        double positive = 0.0;
        double negative = 0.0;

        for (int i = 0; i < descendingKeys.Length; i++)
        {
            int row = ScoreOrder.Row(descendingKeys[i]);
            if (data.IsPositive(row))
            {
                positive += data.Weight(row);
            }
            else
            {
                negative += data.Weight(row);
            }

            bool lastOfGroup = i == descendingKeys.Length - 1 || !ScoreOrder.SameScore(descendingKeys[i], descendingKeys[i + 1]);
            if (lastOfGroup)
            {
                thresholds[groups] = data.Probability(row);
                cumulativePositive[groups] = positive;
                cumulativeNegative[groups] = negative;
                groups++;
            }
        }

        return new ScoreRanking(thresholds, cumulativePositive, cumulativeNegative, groups);
    }
}
