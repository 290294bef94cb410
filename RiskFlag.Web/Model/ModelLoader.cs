using RiskFlag.Core.Bundle;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Web.Model;

/// <summary>Reads a bundle and proves it can score before it is allowed to serve.</summary>
public sealed class ModelLoader(TimeProvider clock)
{
    /// <exception cref="InvalidModelBundleException">The file is missing, unreadable, of another schema, or cannot score.</exception>
    public LoadedModel Load(string path)
    {
        var scorer = RiskScorer.Load(path);
        SmokeTest(scorer);
        return new LoadedModel(scorer, path, clock.GetUtcNow());
    }

    // A bundle can parse and still be unusable (e.g. trees that index past the feature vector); one real
    // prediction through both explanation paths catches that before any user sees it.
    private static void SmokeTest(RiskScorer scorer)
    {
        var vocabulary = scorer.Bundle.Encodings.Vocabulary;
        var city = vocabulary.Cities.Count > 0 ? vocabulary.Cities[0] : new CityName("Unknown", "Unknown");
        var profession = vocabulary.Professions.Count > 0 ? vocabulary.Professions[0] : "Engineer";
        var applicant = new Applicant(5_000_000, 40, 10, MaritalStatus.Single, HouseOwnership.Rented, false, profession, city.City, city.State, 5, 10);
        try
        {
            foreach (var explanation in (ReadOnlySpan<Explanation>)[Explanation.Exact, Explanation.Approximate])
            {
                var assessment = scorer.Score(applicant, explanation);
                if (!double.IsFinite(assessment.Probability) || assessment.Probability is < 0 or > 1)
                {
                    throw new InvalidModelBundleException($"the smoke prediction returned probability {assessment.Probability}");
                }
            }
        }
        catch (Exception e) when (e is not InvalidModelBundleException and not OutOfMemoryException)
        {
            throw new InvalidModelBundleException($"the smoke prediction failed: {e.Message}", e);
        }
    }
}
