namespace RiskFlag.Tests.Engine;

/// <summary>Row-major features (NaN = missing) with 0/1 labels.</summary>
internal sealed record LabeledRows(float[] Features, float[] Labels, int Rows, int Columns)
{
    public ReadOnlySpan<float> Row(int row)
    {
        return Features.AsSpan(row * Columns, Columns);
    }
}

/// <summary>
/// Reproducible synthetic data shaped like the engine's real input: mixed continuous and integer-valued features,
/// missing values, and a label that depends on interactions and thresholds, so the trees are deep and uneven.
/// </summary>
internal static class SyntheticCreditData
{
    public const int Columns = 8;

    /// <param name="noise">Scale of label noise; large values leave little signal (for early stopping).</param>
    public static LabeledRows Generate(int rows, int seed, double noise = 1.0)
    {
        var random = new Random(seed);
        var features = new float[rows * Columns];
        var labels = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            Span<float> x = features.AsSpan(r * Columns, Columns);
            x[0] = (float)Gaussian(random);
            x[1] = (float)Math.Round(random.NextDouble(), 2);
            x[2] = (float)(-Math.Log(1 - random.NextDouble()) * 3);
            x[3] = random.Next(0, 6);
            x[4] = (float)Gaussian(random);
            x[5] = (float)((0.6 * x[0]) + (0.8 * Gaussian(random)));
            x[6] = (float)random.NextDouble();
            x[7] = random.Next(18, 70);

            double logit = (1.4 * x[0]) - (2.0 * (x[1] > 0.6f ? 1 : 0)) + Math.Sin(3 * x[4]) + (0.4 * x[3] * x[5])
                - (0.3 * Math.Min(x[2], 6)) + (x[7] < 25 ? 0.8 : 0);
            double probability = 1 / (1 + Math.Exp(-(logit + (noise * Gaussian(random)))));
            labels[r] = random.NextDouble() < probability ? 1f : 0f;

            // Missing values are drawn after the label so that missingness itself carries no signal.
            if (random.NextDouble() < 0.08)
            {
                x[2] = float.NaN;
            }

            if (random.NextDouble() < 0.05)
            {
                x[5] = float.NaN;
            }

            if (random.NextDouble() < 0.03)
            {
                x[random.Next(Columns)] = float.NaN;
            }
        }

        return new LabeledRows(features, labels, rows, Columns);
    }

    private static double Gaussian(Random random)
    {
        return Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
