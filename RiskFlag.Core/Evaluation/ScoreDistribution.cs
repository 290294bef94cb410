namespace RiskFlag.Core.Evaluation;

/// <summary>
/// How the predicted probabilities of each class spread over equal-width bins of [0, 1]: for a good model the
/// negatives pile up on the left and the positives on the right, and the overlap is where the threshold must choose.
/// </summary>
/// <param name="BinWidth">The width of every bin; bin i covers [i·width, (i+1)·width), the last one includes 1.</param>
/// <param name="Negatives">Per bin, its share of the (weighted) rows labelled 0; sums to 1 unless there are none.</param>
/// <param name="Positives">Per bin, its share of the (weighted) rows labelled 1; sums to 1 unless there are none.</param>
/// <param name="NegativeWeight">Total weight of the rows labelled 0.</param>
/// <param name="PositiveWeight">Total weight of the rows labelled 1.</param>
public sealed record ScoreDistribution(
    double BinWidth,
    IReadOnlyList<double> Negatives,
    IReadOnlyList<double> Positives,
    double NegativeWeight,
    double PositiveWeight)
{
    /// <summary>The midpoint of bin <paramref name="bin"/>.</summary>
    public double Center(int bin) => (bin + 0.5) * BinWidth;
}
