using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>
/// Learns the target encodings from training examples. Each distinct applicant counts once, so an
/// applicant repeated forty times cannot decide its city's rate on its own.
/// </summary>
public static class EncodingFitter
{
    public static FeatureEncodings Fit(IReadOnlyCollection<TrainingExample> examples, double smoothing)
    {
        var prior = examples.Count == 0 ? 0.5 : examples.Average(e => (double)e.Label);
        return new FeatureEncodings(
            TargetEncoding.Fit(examples.Select(e => (e.Keys.City, e.Label)), prior, smoothing),
            TargetEncoding.Fit(examples.Select(e => (e.Keys.State, e.Label)), prior, smoothing),
            TargetEncoding.Fit(examples.Select(e => (e.Keys.Profession, e.Label)), prior, smoothing));
    }
}
