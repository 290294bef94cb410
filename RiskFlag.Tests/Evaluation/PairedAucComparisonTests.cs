using RiskFlag.Core.Evaluation;

namespace RiskFlag.Tests.Evaluation;

public class PairedAucComparisonTests
{
    private const double Tolerance = 1e-12;
    private const double NormalQuantile975 = 1.959963984540054;

    [Theory]
    [InlineData(1, 1_000, 2, 0.3)]
    [InlineData(2, 777, 1, 0.5)]
    [InlineData(3, 5_000, 4, 0.05)]
    public void AucsEqualThoseOfTheEvaluator(int seed, int rows, int decimals, double positiveRate)
    {
        (float[] first, float[] second, float[] labels) = CorrelatedPair(rows, seed, 0.5, 1.0, decimals, positiveRate);

        PairedAuc result = PairedAucComparison.Compare(first, second, labels);

        Assert.Equal(BinaryClassificationEvaluator.Evaluate(first, labels, [], 0.5).RocAuc, result.FirstAuc, Tolerance);
        Assert.Equal(BinaryClassificationEvaluator.Evaluate(second, labels, [], 0.5).RocAuc, result.SecondAuc, Tolerance);
        Assert.Equal(RankingMetrics.RocAuc(ScoreRanking.Build(new LabeledScores(second, labels, []))), result.SecondAuc, Tolerance);
        Assert.Equal(result.SecondAuc - result.FirstAuc, result.Difference);
        Assert.Equal(rows, result.Rows);
        Assert.Equal(labels.Count(label => label == 1f), result.Positives);
    }

    [Theory]
    [InlineData(11, 200, 2, 0.3)]
    [InlineData(12, 301, 1, 0.5)]
    [InlineData(13, 150, 2, 0.1)]
    [InlineData(14, 500, 3, 0.3)]
    [InlineData(15, 120, 0, 0.4)]
    [InlineData(16, 64, 2, 0.9)]
    public void VarianceEqualsBruteForceDeLong(int seed, int rows, int decimals, double positiveRate)
    {
        (float[] first, float[] second, float[] labels) = CorrelatedPair(rows, seed, 0.4, 0.8, decimals, positiveRate);

        PairedAuc result = PairedAucComparison.Compare(first, second, labels);
        (double firstAuc, double secondAuc, double variance) = BruteForceDeLong(first, second, labels);

        Assert.Equal(firstAuc, result.FirstAuc, Tolerance);
        Assert.Equal(secondAuc, result.SecondAuc, Tolerance);
        Assert.True(variance > 0.0);
        Assert.Equal(variance, result.StandardError * result.StandardError, Tolerance);
        // The variance is of order 1e-4, so also hold it to a relative bound the absolute one would not enforce.
        Assert.Equal(1.0, result.StandardError * result.StandardError / variance, 1e-10);
        Assert.Equal(result.Difference - (NormalQuantile975 * result.StandardError), result.Lower95, Tolerance);
        Assert.Equal(result.Difference + (NormalQuantile975 * result.StandardError), result.Upper95, Tolerance);
    }

    [Fact]
    public void IdenticalScoresGiveZeroStandardErrorAndPValueOne()
    {
        (float[] first, _, float[] labels) = CorrelatedPair(1_000, seed: 21, 0.5, 1.0, decimals: 2);

        PairedAuc result = PairedAucComparison.Compare(first, first, labels);

        Assert.Equal(result.FirstAuc, result.SecondAuc);
        Assert.Equal(0.0, result.Difference);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(0.0, result.Lower95);
        Assert.Equal(0.0, result.Upper95);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void SameRankingOnAnotherScaleCountsAsIdentical()
    {
        (float[] first, _, float[] labels) = CorrelatedPair(1_000, seed: 22, 0.5, 1.0, decimals: 2);
        float[] rescaled = [.. first.Select(score => (3f * score) - 7f)];

        PairedAuc result = PairedAucComparison.Compare(first, rescaled, labels);

        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void PerfectAgainstReversedRankingIsACertainDifference()
    {
        float[] labels = [0f, 1f, 0f, 1f, 1f, 0f];
        float[] perfect = [0.1f, 0.9f, 0.2f, 0.8f, 0.7f, 0.3f];
        float[] reversed = [.. perfect.Select(score => 1f - score)];

        PairedAuc result = PairedAucComparison.Compare(reversed, perfect, labels);

        Assert.Equal(0.0, result.FirstAuc);
        Assert.Equal(1.0, result.SecondAuc);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(1.0, result.Lower95);
        Assert.Equal(1.0, result.Upper95);
        Assert.Equal(0.0, result.PValue);
    }

    [Fact]
    public void ClearlyBetterSecondModelIsSignificant()
    {
        (float[] first, float[] second, float[] labels) = CorrelatedPair(2_000, seed: 31, 0.3, 1.5, decimals: 3);

        PairedAuc result = PairedAucComparison.Compare(first, second, labels);

        Assert.True(result.Difference > 0.1, $"difference {result.Difference}");
        Assert.True(result.Lower95 > 0.0, $"CI [{result.Lower95}, {result.Upper95}]");
        Assert.True(result.PValue < 1e-6, $"p {result.PValue}");
    }

    [Fact]
    public void SimilarModelsAreNotSignificant()
    {
        (float[] first, float[] second, float[] labels) = CorrelatedPair(2_000, seed: 32, 1.0, 1.0, decimals: 3);

        PairedAuc result = PairedAucComparison.Compare(first, second, labels);

        Assert.True(result.Lower95 < 0.0 && result.Upper95 > 0.0, $"CI [{result.Lower95}, {result.Upper95}]");
        Assert.InRange(result.PValue, 0.05, 1.0);
        Assert.Equal(Erfc(Math.Abs(result.Difference / result.StandardError) / Math.Sqrt(2.0)), result.PValue, Tolerance);
    }

    [Fact]
    public void SwappingModelsNegatesTheDifferenceOnly()
    {
        (float[] first, float[] second, float[] labels) = CorrelatedPair(1_500, seed: 41, 0.6, 0.9, decimals: 2);

        PairedAuc forward = PairedAucComparison.Compare(first, second, labels);
        PairedAuc backward = PairedAucComparison.Compare(second, first, labels);

        Assert.Equal(forward.FirstAuc, backward.SecondAuc);
        Assert.Equal(forward.SecondAuc, backward.FirstAuc);
        Assert.Equal(-forward.Difference, backward.Difference);
        Assert.Equal(forward.StandardError, backward.StandardError);
        Assert.Equal(forward.PValue, backward.PValue);
        Assert.Equal(-forward.Upper95, backward.Lower95);
        Assert.Equal(-forward.Lower95, backward.Upper95);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(1f)]
    public void OneClassOnlyGivesNaN(float label)
    {
        float[] labels = [label, label, label];

        PairedAuc result = PairedAucComparison.Compare([0.1f, 0.5f, 0.9f], [0.3f, 0.2f, 0.1f], labels);

        Assert.Equal(3, result.Rows);
        Assert.Equal(label == 1f ? 3 : 0, result.Positives);
        Assert.True(double.IsNaN(result.FirstAuc));
        Assert.True(double.IsNaN(result.SecondAuc));
        Assert.True(double.IsNaN(result.Difference));
        Assert.True(double.IsNaN(result.StandardError));
        Assert.True(double.IsNaN(result.Lower95));
        Assert.True(double.IsNaN(result.Upper95));
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void NoRowsGiveNaN()
    {
        PairedAuc result = PairedAucComparison.Compare([], [], []);

        Assert.Equal(0, result.Rows);
        Assert.True(double.IsNaN(result.FirstAuc));
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void SinglePositiveGivesAucsButNoStandardError()
    {
        // DeLong's covariance is a sample variance within each class, undefined for one row.
        PairedAuc result = PairedAucComparison.Compare([0.9f, 0.1f, 0.5f], [0.2f, 0.1f, 0.5f], [1f, 0f, 0f]);

        Assert.Equal(1.0, result.FirstAuc, Tolerance);
        Assert.Equal(0.5, result.SecondAuc, Tolerance);
        Assert.True(double.IsNaN(result.StandardError));
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void SecondOfDifferentLengthThrows()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => PairedAucComparison.Compare([0.1f, 0.2f], [0.1f], [0f, 1f]));

        Assert.Equal("second", error.ParamName);
        Assert.Contains("1 elements but first has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsOfDifferentLengthThrow()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => PairedAucComparison.Compare([0.1f, 0.2f], [0.1f, 0.2f], [0f, 1f, 1f]));

        Assert.Equal("labels", error.ParamName);
        Assert.Contains("3 elements but first has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelOtherThanZeroOrOneThrows()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => PairedAucComparison.Compare([0.1f, 0.2f], [0.1f, 0.2f], [0f, 0.5f]));

        Assert.Equal("labels", error.ParamName);
        Assert.Contains("labels[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNFirstScoreThrows()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => PairedAucComparison.Compare([float.NaN, 0.2f], [0.1f, 0.2f], [0f, 1f]));

        Assert.Equal("first", error.ParamName);
        Assert.Contains("first[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InfiniteSecondScoreThrows()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => PairedAucComparison.Compare([0.1f, 0.2f], [0.1f, float.PositiveInfinity], [0f, 1f]));

        Assert.Equal("second", error.ParamName);
        Assert.Contains("second[1]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Reference values from Python's math.erfc (the C library's erfc); one per branch of Cody's
    // approximation and both sides of its branch points.
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 0.7236736098317631)]
    [InlineData(0.46875, 0.507386526782062)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(4.0, 1.541725790028002e-08)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(-1.0, 1.842700792949715)]
    [InlineData(30.0, 0.0)]
    public void ErfcMatchesReferenceValues(double x, double expected)
    {
        double actual = PairedAucComparison.Erfc(x);

        if (expected == 0.0)
        {
            Assert.Equal(0.0, actual);
        }
        else
        {
            Assert.True(Math.Abs((actual / expected) - 1.0) < 1e-14, $"erfc({x}) = {actual}, expected {expected}");
        }
    }

    [Fact]
    public void NormalQuantileGivesTwoSidedPFivePercent()
    {
        Assert.Equal(0.05, PairedAucComparison.Erfc(NormalQuantile975 / Math.Sqrt(2.0)), 1e-15);
    }

    private static double Erfc(double x) => PairedAucComparison.Erfc(x);

    /// <summary>
    /// Two models' scores for the same rows: a shared row effect makes them correlated, as real models on the same
    /// applicants are, and each leans towards the label by its own signal. Rounding to <paramref name="decimals"/>
    /// places makes many scores tie, within and across the classes.
    /// </summary>
    private static (float[] First, float[] Second, float[] Labels) CorrelatedPair(
        int rows,
        int seed,
        double firstSignal,
        double secondSignal,
        int decimals,
        double positiveRate = 0.3)
    {
        Random random = new(seed);
        float[] first = new float[rows];
        float[] second = new float[rows];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            bool positive = random.NextDouble() < positiveRate;
            double sign = positive ? 1.0 : -1.0;
            double shared = (random.NextDouble() - 0.5) * 4.0;
            double firstLogit = shared + ((random.NextDouble() - 0.5) * 2.0) + (sign * firstSignal);
            double secondLogit = shared + ((random.NextDouble() - 0.5) * 2.0) + (sign * secondSignal);
            first[i] = (float)Math.Round(1.0 / (1.0 + Math.Exp(-firstLogit)), decimals);
            second[i] = (float)Math.Round(1.0 / (1.0 + Math.Exp(-secondLogit)), decimals);
            labels[i] = positive ? 1f : 0f;
        }

        return (first, second, labels);
    }

    /// <summary>
    /// DeLong et al. (1988) as written: the structural components V10 (per positive) and V01 (per negative) from the
    /// placement kernel over every positive/negative pair, their 2x2 sample covariance matrices S10 and S01, and
    /// var(AUC2 - AUC1) = (S10[0,0] + S10[1,1] - 2 S10[0,1]) / m + (S01[0,0] + S01[1,1] - 2 S01[0,1]) / n.
    /// </summary>
    private static (double FirstAuc, double SecondAuc, double Variance) BruteForceDeLong(float[] first, float[] second, float[] labels)
    {
        int[] positives = [.. Enumerable.Range(0, labels.Length).Where(row => labels[row] == 1f)];
        int[] negatives = [.. Enumerable.Range(0, labels.Length).Where(row => labels[row] == 0f)];
        int m = positives.Length;
        int n = negatives.Length;
        float[][] models = [first, second];
        double[][] v10 = [new double[m], new double[m]];
        double[][] v01 = [new double[n], new double[n]];
        for (int model = 0; model < 2; model++)
        {
            float[] scores = models[model];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double psi = Psi(scores[positives[i]], scores[negatives[j]]);
                    v10[model][i] += psi / n;
                    v01[model][j] += psi / m;
                }
            }
        }

        double[,] s10 = Covariance(v10);
        double[,] s01 = Covariance(v01);
        double variance = ((s10[0, 0] + s10[1, 1] - (2.0 * s10[0, 1])) / m) + ((s01[0, 0] + s01[1, 1] - (2.0 * s01[0, 1])) / n);
        return (v10[0].Average(), v10[1].Average(), variance);
    }

    private static double Psi(float positive, float negative)
    {
        return positive > negative ? 1.0 : positive == negative ? 0.5 : 0.0;
    }

    private static double[,] Covariance(double[][] components)
    {
        int count = components[0].Length;
        double[] means = [components[0].Average(), components[1].Average()];
        double[,] covariance = new double[2, 2];
        for (int r = 0; r < 2; r++)
        {
            for (int s = 0; s < 2; s++)
            {
                double sum = 0.0;
                for (int k = 0; k < count; k++)
                {
                    sum += (components[r][k] - means[r]) * (components[s][k] - means[s]);
                }

                covariance[r, s] = sum / (count - 1);
            }
        }

        return covariance;
    }
}
