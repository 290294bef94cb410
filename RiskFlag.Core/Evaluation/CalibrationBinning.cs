namespace RiskFlag.Core.Evaluation;

/// <summary>
/// Groups predictions into equal-width probability bins (sklearn's "uniform" strategy), so bin edges mean the same
/// thing for every model and reliability diagrams of two models can be compared directly.
/// </summary>
internal static class CalibrationBinning
{
    /// <returns>The bins that hold any weight, lowest probability first.</returns>
    public static List<CalibrationBin> UniformBins(LabeledScores data, int binCount)
    {
        double[] weight = new double[binCount];
        double[] weightedPrediction = new double[binCount];
        double[] weightedPositives = new double[binCount];
        for (int row = 0; row < data.Count; row++)
        {
            double rowWeight = data.Weight(row);
            double probability = Math.Clamp((double)data.Probability(row), 0.0, 1.0);
            // Probability 1 belongs in the top bin, not in a bin of its own past the end.
            int bin = Math.Min((int)(probability * binCount), binCount - 1);
            weight[bin] += rowWeight;
            weightedPrediction[bin] += rowWeight * probability;
            if (data.IsPositive(row))
            {
                weightedPositives[bin] += rowWeight;
            }
        }

        List<CalibrationBin> bins = [];
        for (int bin = 0; bin < binCount; bin++)
        {
            if (weight[bin] > 0.0)
            {
                bins.Add(new CalibrationBin(weightedPrediction[bin] / weight[bin], weightedPositives[bin] / weight[bin], weight[bin]));
            }
        }

        return bins;
    }
}
