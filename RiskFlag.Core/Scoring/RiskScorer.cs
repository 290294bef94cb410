using RiskFlag.Core.Bundle;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Drift;
using RiskFlag.Core.Engine;
using RiskFlag.Core.Features;

namespace RiskFlag.Core.Scoring;

/// <summary>
/// Scores applicants with one loaded bundle. Trees are evaluated in managed code (no native call,
/// no lock, no allocation beyond the result), so one instance serves any number of threads.
/// </summary>
public sealed class RiskScorer
{
    public const int DefaultTopFactors = 3;

    private RiskScorer(ModelBundle bundle, TreeEnsemble ensemble, FeaturePipeline pipeline)
    {
        Bundle = bundle;
        Ensemble = ensemble;
        Pipeline = pipeline;
    }

    public ModelBundle Bundle { get; }

    public TreeEnsemble Ensemble { get; }

    public FeaturePipeline Pipeline { get; }

    public double Threshold => Bundle.Manifest.Threshold;

    public string ModelVersion => Bundle.Manifest.Version;

    public static RiskScorer Create(ModelBundle bundle)
    {
        var schema = new FeatureSchema(bundle.Manifest.Features);
        TreeEnsemble ensemble;
        try
        {
            ensemble = TreeEnsemble.FromModelJson(bundle.ModelJson);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidModelBundleException($"model.json is not a readable XGBoost model: {e.Message}", e);
        }

        if (ensemble.FeatureCount != schema.Width)
        {
            throw new InvalidModelBundleException($"the model expects {ensemble.FeatureCount} features but the manifest lists {schema.Width}");
        }

        return new RiskScorer(bundle, ensemble, new FeaturePipeline(schema, bundle.Encodings.ToEncodings()));
    }

    public static RiskScorer Load(string path) => Create(ModelBundleReader.Read(path));

    public double Probability(Applicant applicant)
    {
        Span<float> features = stackalloc float[Pipeline.Width];
        Pipeline.Transform(applicant, features);
        return Ensemble.PredictProbability(features);
    }

    /// <param name="drift">When given, the applicant's model inputs and flag join its window of live traffic.</param>
    public RiskAssessment Score(
        Applicant applicant,
        Explanation explanation = Explanation.Approximate,
        int topFactors = DefaultTopFactors,
        InputDriftMonitor? drift = null)
    {
        var encoded = Pipeline.Encode(applicant);
        Span<float> features = stackalloc float[Pipeline.Width];
        Pipeline.Transform(encoded, features);
        if (explanation == Explanation.None)
        {
            var probability = Ensemble.PredictProbability(features);
            drift?.Observe(features, probability >= Threshold);
            return new RiskAssessment(probability, probability >= Threshold, Threshold, ModelVersion, [], encoded.CityKnown, encoded.StateKnown);
        }

        Span<double> contributions = stackalloc double[Pipeline.Width + 1];
        if (explanation == Explanation.Exact)
        {
            Ensemble.ExactContributions(features, contributions);
        }
        else
        {
            Ensemble.ApproximateContributions(features, contributions);
        }

        // Contributions (bias included) add up to the margin, so the trees need not be walked a second time.
        var margin = 0.0;
        foreach (var contribution in contributions)
        {
            margin += contribution;
        }

        var explained = 1 / (1 + Math.Exp(-margin));
        drift?.Observe(features, explained >= Threshold);
        var factors = TopFactors(encoded, contributions, topFactors);
        return new RiskAssessment(explained, explained >= Threshold, Threshold, ModelVersion, factors, encoded.CityKnown, encoded.StateKnown);
    }

    private RiskFactor[] TopFactors(in EncodedApplicant encoded, ReadOnlySpan<double> contributions, int count)
    {
        var definitions = Pipeline.Schema.Features;
        Span<int> order = stackalloc int[definitions.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var magnitudes = contributions[..definitions.Count];
        for (var i = 1; i < order.Length; i++)
        {
            // Insertion sort by |contribution|: at most a few dozen features, and no allocation.
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && Math.Abs(magnitudes[order[j]]) < Math.Abs(magnitudes[current]))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }

        var result = new RiskFactor[Math.Min(count, order.Length)];
        for (var i = 0; i < result.Length; i++)
        {
            var definition = definitions[order[i]];
            result[i] = new RiskFactor(definition.Name, definition.Explain(encoded), contributions[order[i]]);
        }

        return result;
    }
}
