namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Compares the ROC AUCs of two classifiers scored on the same rows with the test of DeLong, DeLong and
/// Clarke-Pearson (1988), computed with the midrank algorithm of Sun and Xu (2014): one sort per model instead of
/// the O(positives x negatives) pairwise placements of the original formulation.
/// </summary>
public static class PairedAucComparison
{
    // The 0.975 normal quantile, so that 2.5 % lies beyond each end of the 95 % interval.
    private const double NormalQuantile975 = 1.959963984540054;

    private const double InverseSqrtPi = 0.56418958354775628695;

    /// <summary>
    /// AUCs of <paramref name="first"/> and <paramref name="second"/>, their difference (second - first), its DeLong
    /// standard error, a 95 % confidence interval and the two-sided p-value of "equal AUCs". Without both classes
    /// every statistic is NaN.
    /// </summary>
    /// <param name="first">Scores of the first model, one per row; only their order matters.</param>
    /// <param name="second">Scores of the second model for the same rows.</param>
    /// <param name="labels">0/1 label of each row.</param>
    /// <exception cref="ArgumentException">
    /// The spans differ in length, a label is not 0 or 1, or a score is not finite.
    /// </exception>
    public static PairedAuc Compare(ReadOnlySpan<float> first, ReadOnlySpan<float> second, ReadOnlySpan<float> labels)
    {
        Validate(first, second, labels);

        int rows = first.Length;
        int positives = 0;
        foreach (float label in labels)
        {
            if (label == 1f)
            {
                positives++;
            }
        }

        int negatives = rows - positives;
        if (positives == 0 || negatives == 0)
        {
            return new PairedAuc(rows, positives, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        // Only the per-row difference of the two models' placements enters the variance of the AUC difference, so
        // one array accumulates it: -first, then +second.
        ulong[] keys = new ulong[rows];
        double[] placementDifference = new double[rows];
        double firstAuc = AddPlacements(first, labels, positives, negatives, keys, placementDifference, sign: -1.0);
        double secondAuc = AddPlacements(second, labels, positives, negatives, keys, placementDifference, sign: 1.0);
        double difference = secondAuc - firstAuc;

        double variance = ClassVariance(placementDifference, labels, positive: true, positives) / positives
            + (ClassVariance(placementDifference, labels, positive: false, negatives) / negatives);
        double standardError = Math.Sqrt(variance);
        return new PairedAuc(
            rows,
            positives,
            firstAuc,
            secondAuc,
            difference,
            standardError,
            difference - (NormalQuantile975 * standardError),
            difference + (NormalQuantile975 * standardError),
            TwoSidedPValue(difference, standardError));
    }

    /// <summary>
    /// Complementary error function by W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
    /// approximations for the error function", Math. Comp. 1969, as in netlib specfun CALERF), accurate to about
    /// double precision; .NET has no erfc and Microsoft.ML keeps its own internal.
    /// </summary>
    internal static double Erfc(double x)
    {
        double y = Math.Abs(x);
        if (!(y > 0.46875))
        {
            // Near zero erfc = 1 - erf loses nothing, and erf's series form is the accurate one there; the negated
            // test also lets NaN through to here, where it propagates.
            double square = y * y;
            return 1.0 - (x * Horner(ErfNumerator, square) / MonicHorner(ErfDenominator, square));
        }

        double upperTail;
        if (y >= 26.543)
        {
            // erfc underflows to 0 beyond this point.
            upperTail = 0.0;
        }
        else
        {
            double scaled;
            if (y <= 4.0)
            {
                scaled = Horner(MiddleNumerator, y) / MonicHorner(MiddleDenominator, y);
            }
            else
            {
                double inverseSquare = 1.0 / (y * y);
                scaled = (InverseSqrtPi - (inverseSquare * Horner(TailNumerator, inverseSquare) / MonicHorner(TailDenominator, inverseSquare))) / y;
            }

            // exp(-y^2) in two factors: y^2 itself would carry y's rounding error magnified by 2y into the exponent,
            // whereas the part of y that is a multiple of 1/16 squares exactly.
            double coarse = Math.Truncate(y * 16.0) / 16.0;
            upperTail = Math.Exp(-coarse * coarse) * Math.Exp(-(y - coarse) * (y + coarse)) * scaled;
        }

        return x < 0.0 ? 2.0 - upperTail : upperTail;
    }

    // Cody's coefficients, highest power first: erf(x) = x N(x^2) / D(x^2) on |x| <= 0.46875, erfc(x) exp(x^2) =
    // N(x) / D(x) on (0.46875, 4], and erfc(x) exp(x^2) x = 1/sqrt(pi) - z N(z) / D(z) with z = 1/x^2 beyond 4.
    // The denominators are monic, so their leading 1 is left out.
    private static ReadOnlySpan<double> ErfNumerator =>
        [1.85777706184603153e-1, 3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03];

    private static ReadOnlySpan<double> ErfDenominator =>
        [2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03];

    private static ReadOnlySpan<double> MiddleNumerator =>
    [
        2.15311535474403846e-8, 5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03,
        1.23033935479799725e03,
    ];

    private static ReadOnlySpan<double> MiddleDenominator =>
    [
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
        3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03,
    ];

    private static ReadOnlySpan<double> TailNumerator =>
    [
        1.63153871373020978e-2, 3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4,
    ];

    private static ReadOnlySpan<double> TailDenominator =>
        [2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];

    private static double Horner(ReadOnlySpan<double> coefficients, double x)
    {
        double sum = 0.0;
        foreach (double coefficient in coefficients)
        {
            sum = (sum * x) + coefficient;
        }

        return sum;
    }

    private static double MonicHorner(ReadOnlySpan<double> coefficients, double x)
    {
        double sum = 1.0;
        foreach (double coefficient in coefficients)
        {
            sum = (sum * x) + coefficient;
        }

        return sum;
    }

    private static void Validate(ReadOnlySpan<float> first, ReadOnlySpan<float> second, ReadOnlySpan<float> labels)
    {
        if (second.Length != first.Length)
        {
            throw new ArgumentException(
                $"second has {second.Length} elements but first has {first.Length}; "
                + "both models must score the same rows.",
                nameof(second));
        }

        if (labels.Length != first.Length)
        {
            throw new ArgumentException(
                $"labels has {labels.Length} elements but first has {first.Length}; "
                + "each row needs exactly one score from each model and one label.",
                nameof(labels));
        }

        for (int i = 0; i < first.Length; i++)
        {
            if (!float.IsFinite(first[i]))
            {
                throw new ArgumentException($"first[{i}] is {first[i]}; scores must be finite.", nameof(first));
            }

            if (!float.IsFinite(second[i]))
            {
                throw new ArgumentException($"second[{i}] is {second[i]}; scores must be finite.", nameof(second));
            }

            if (labels[i] is not (0f or 1f))
            {
                throw new ArgumentException($"labels[{i}] is {labels[i]}; labels must be 0 or 1.", nameof(labels));
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="sign"/> times each row's placement to <paramref name="placements"/> and returns the AUC.
    /// A positive's placement is Sun and Xu's V10 = (Tz - Tx) / n, its midrank among all rows minus its midrank among
    /// the positives, which is the share of negatives it outranks with ties as half; a negative's is V01, the share
    /// of positives that outrank it. Walking the tie groups in score order yields those counts directly, without
    /// materialising the three rank vectors.
    /// </summary>
    private static double AddPlacements(
        ReadOnlySpan<float> scores,
        ReadOnlySpan<float> labels,
        int positives,
        int negatives,
        ulong[] keys,
        Span<double> placements,
        double sign)
    {
        for (int row = 0; row < scores.Length; row++)
        {
            keys[row] = ScoreOrder.Key(scores[row], row);
        }

        ScoreOrder.SortDescending(keys);

        // Counts stay integral so that the AUC numerator, a sum of half-integers, is exact below 2^52.
        long positivesAbove = 0;
        long negativesAbove = 0;
        double concordance = 0.0;
        int start = 0;
        while (start < keys.Length)
        {
            int end = start + 1;
            while (end < keys.Length && ScoreOrder.SameScore(keys[start], keys[end]))
            {
                end++;
            }

            long tiedPositives = 0;
            for (int i = start; i < end; i++)
            {
                if (labels[ScoreOrder.Row(keys[i])] == 1f)
                {
                    tiedPositives++;
                }
            }

            long tiedNegatives = end - start - tiedPositives;
            double negativesOutranked = (negatives - negativesAbove - tiedNegatives) + (0.5 * tiedNegatives);
            double positivesOutranking = positivesAbove + (0.5 * tiedPositives);
            double positivePlacement = negativesOutranked / negatives;
            double negativePlacement = positivesOutranking / positives;
            for (int i = start; i < end; i++)
            {
                int row = ScoreOrder.Row(keys[i]);
                placements[row] += sign * (labels[row] == 1f ? positivePlacement : negativePlacement);
            }

            concordance += tiedPositives * negativesOutranked;
            positivesAbove += tiedPositives;
            negativesAbove += tiedNegatives;
            start = end;
        }

        return concordance / ((double)positives * negatives);
    }

    /// <summary>Sample variance (n - 1 denominator, as DeLong's S10 and S01) of the placements of one class.</summary>
    private static double ClassVariance(ReadOnlySpan<double> placements, ReadOnlySpan<float> labels, bool positive, int count)
    {
        if (count < 2)
        {
            return double.NaN;
        }

        float classLabel = positive ? 1f : 0f;
        double sum = 0.0;
        for (int row = 0; row < placements.Length; row++)
        {
            if (labels[row] == classLabel)
            {
                sum += placements[row];
            }
        }

        // Two passes: the placements of close models nearly agree, and a one-pass sum of squares would cancel.
        double mean = sum / count;
        double squares = 0.0;
        for (int row = 0; row < placements.Length; row++)
        {
            if (labels[row] == classLabel)
            {
                double deviation = placements[row] - mean;
                squares += deviation * deviation;
            }
        }

        return squares / (count - 1);
    }

    private static double TwoSidedPValue(double difference, double standardError)
    {
        if (double.IsNaN(standardError))
        {
            return double.NaN;
        }

        if (standardError == 0.0)
        {
            // A difference with no sampling variability at all is either no difference or a certain one.
            return difference == 0.0 ? 1.0 : 0.0;
        }

        // P(|Z| >= |z|) = erfc(|z| / sqrt 2).
        return Erfc(Math.Abs(difference) / standardError / Math.Sqrt(2.0));
    }
}
