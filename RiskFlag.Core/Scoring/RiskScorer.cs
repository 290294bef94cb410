using Microsoft.ML;

using RiskFlag.Core.Domain;
using RiskFlag.Core.Drift;
using RiskFlag.Core.Features;
using RiskFlag.Core.Model;

namespace RiskFlag.Core.Scoring;

/// <summary>
/// The one scoring path: the model zip's chain gives the probability and the feature vector, exact TreeSHAP on the
/// same trees gives the reasons. Every channel (form, API, batch, CLI) scores through here. Thread-safe as long as
/// each call has an engine of its own: the site passes one from its pool, other callers let the model lend one.
/// </summary>
public sealed class RiskScorer(RiskModel model)
{
    public const int DefaultTopFactors = 3;

    public RiskModel Model { get; } = model;

    public double Threshold => Model.Threshold;

    public string ModelVersion => Model.Version;

    public static RiskScorer Load(string path) => new(RiskModel.Load(path));

    /// <param name="drift">When given, the applicant's model inputs and flag join its window of live traffic.</param>
    public RiskAssessment Score(Applicant applicant, int topFactors = DefaultTopFactors, InputDriftMonitor? drift = null)
    {
        var engine = Model.RentEngine();
        try
        {
            return Score(applicant, engine, topFactors, drift);
        }
        finally
        {
            Model.ReturnEngine(engine);
        }
    }

    /// <param name="engine">An engine of <see cref="Model"/> that no other thread uses during the call.</param>
    /// <param name="topFactors">
    /// How many reasons to give; 0 gives none and skips the TreeSHAP explanation, so its log-odds are NaN (a shadow
    /// decision: nobody is told its reasons).
    /// </param>
    public RiskAssessment Score(Applicant applicant, PredictionEngine<ApplicantInput, RiskPrediction> engine, int topFactors = DefaultTopFactors, InputDriftMonitor? drift = null)
    {
        var prediction = engine.Predict(ApplicantInput.From(applicant));
        var width = Model.Schema.Width;
        ReadOnlySpan<float> features = prediction.Features.AsSpan(0, width);
        Span<double> contributions = stackalloc double[width];
        double probability = prediction.Probability;
        var cityKnown = prediction.CityKnown > 0;
        var stateKnown = prediction.StateKnown > 0;

        var flag = probability >= Threshold;
        drift?.Observe(features, flag);
        if (topFactors == 0)
        {
            return new RiskAssessment(probability, flag, Threshold, ModelVersion, [], cityKnown, stateKnown, double.NaN, Model.Explainer.BaseValue);
        }

        var logOdds = Model.Explainer.Explain(features, contributions);
        var factors = TopFactors(new FactorContext(applicant, cityKnown, stateKnown), contributions, topFactors);
        return new RiskAssessment(probability, flag, Threshold, ModelVersion, factors, cityKnown, stateKnown, logOdds, Model.Explainer.BaseValue);
    }

    private RiskFactor[] TopFactors(in FactorContext context, ReadOnlySpan<double> contributions, int count)
    {
        var definitions = Model.Schema.Features;
        Span<int> order = stackalloc int[definitions.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (var i = 1; i < order.Length; i++)
        {
            // Insertion sort by |contribution|: at most a few dozen features, and no allocation.
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && Math.Abs(contributions[order[j]]) < Math.Abs(contributions[current]))
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
            result[i] = new RiskFactor(definition.Name, definition.Explain(context), contributions[order[i]]);
        }

        return result;
    }
}
