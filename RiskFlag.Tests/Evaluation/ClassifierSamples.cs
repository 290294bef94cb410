namespace RiskFlag.Tests.Evaluation;

/// <summary>Inputs shared by the evaluation tests: a hand-checkable example and seeded random data sets.</summary>
internal static class ClassifierSamples
{
    // Sorted by score: 0.8 (1), 0.4 (0), 0.35 (1), 0.1 (0); one of four positive/negative pairs is misordered.
    public static float[] HandScores => [0.1f, 0.4f, 0.35f, 0.8f];

    public static float[] HandLabels => [0f, 0f, 1f, 1f];

    /// <summary>
    /// Scores that lean towards the label by <paramref name="signal"/>, rounded to <paramref name="decimals"/>
    /// places so that many scores tie, which is where ranking metrics usually go wrong.
    /// </summary>
    public static (float[] Scores, float[] Labels) Random(int rows, int seed, double signal = 1.0, int decimals = 2, double positiveRate = 0.3)
    {
        Random random = new(seed);
        float[] scores = new float[rows];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            bool positive = random.NextDouble() < positiveRate;
            double logit = ((random.NextDouble() - 0.5) * 6.0) + (positive ? signal : -signal);
            scores[i] = (float)Math.Round(1.0 / (1.0 + Math.Exp(-logit)), decimals);
            labels[i] = positive ? 1f : 0f;
        }

        return (scores, labels);
    }

    /// <summary>Whole-number copy counts from 0 (row absent) to <paramref name="maxCopies"/>.</summary>
    public static float[] CopyCounts(int rows, int seed, int maxCopies = 4)
    {
        Random random = new(seed);
        float[] weights = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            weights[i] = random.Next(0, maxCopies + 1);
        }

        return weights;
    }

    /// <summary>Repeats each row as many times as its copy count says.</summary>
    public static (float[] Scores, float[] Labels) Expand(float[] scores, float[] labels, float[] copyCounts)
    {
        List<float> expandedScores = [];
        List<float> expandedLabels = [];
        for (int i = 0; i < scores.Length; i++)
        {
            for (int copy = 0; copy < (int)copyCounts[i]; copy++)
            {
                expandedScores.Add(scores[i]);
                expandedLabels.Add(labels[i]);
            }
        }

        return ([.. expandedScores], [.. expandedLabels]);
    }
}
