using System.Globalization;
using System.Text;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Domain;
using RiskFlag.Core.Model;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Web.Serving;

/// <summary>Reads a model zip and proves it can score, explain and batch before it is allowed to serve.</summary>
public sealed class ModelLoader : IServableModelLoader
{
    private static readonly string BatchHeader =
        string.Join(',', Enum.GetValues<ApplicantField>().Where(f => f != ApplicantField.RiskFlag).Select(ApplicantColumns.NameOf));

    /// <exception cref="InvalidModelBundleException">The file is missing, unreadable, of another schema, or cannot score.</exception>
    public IServableModel Load(string path)
    {
        var scorer = RiskScorer.Load(path);
        SmokeTest(scorer);
        return scorer.Model;
    }

    // A zip can parse and still be unusable; a real prediction, its explanation and the batch path catch that before
    // any user sees it (and compile those paths, so the first request after a swap does not wait for the JIT).
    private static void SmokeTest(RiskScorer scorer)
    {
        var vocabulary = scorer.Model.Bundle.Vocabulary;
        var city = vocabulary.Cities.Count > 0 ? vocabulary.Cities[0] : new CityName("Unknown", "Unknown");
        var profession = vocabulary.Professions.Count > 0 ? vocabulary.Professions[0] : "Engineer";
        var applicant = new Applicant(5_000_000, 40, 10, MaritalStatus.Single, HouseOwnership.Rented, false, profession, city.City, city.State, 5, 10);
        try
        {
            var assessment = scorer.Score(applicant);
            if (!double.IsFinite(assessment.Probability) || assessment.Probability is < 0 or > 1)
            {
                throw new InvalidModelBundleException($"the smoke prediction returned probability {assessment.Probability}");
            }

            // The explanation must account for the whole score, or the reasons shown would not be the model's.
            var probability = 1 / (1 + Math.Exp(-assessment.LogOdds));
            if (Math.Abs(probability - assessment.Probability) > 1e-5)
            {
                throw new InvalidModelBundleException($"the explanation adds up to probability {probability} but the model says {assessment.Probability}");
            }

            // Also compiles the batch path, so the first upload after a start or a swap does not wait for that.
            var row = string.Join(',', "1", applicant.Income.ToString(CultureInfo.InvariantCulture), applicant.Age, applicant.Experience,
                applicant.MaritalStatus.ToCode(), applicant.HouseOwnership.ToCode(), applicant.OwnsCar.ToCarCode(),
                Quote(applicant.Profession), Quote(applicant.City), Quote(applicant.State), applicant.CurrentJobYears, applicant.CurrentHouseYears);
            var csv = Encoding.UTF8.GetBytes($"{BatchHeader}\n{row}\n{row}\n");
            var summary = new BatchScorer(scorer).Score(new MemoryStream(csv), Stream.Null);
            if (summary.Scored != 2)
            {
                throw new InvalidModelBundleException($"the smoke batch scored {summary.Scored} of 2 rows: {string.Join("; ", summary.Errors)}");
            }
        }
        catch (Exception e) when (e is not InvalidModelBundleException and not OutOfMemoryException)
        {
            throw new InvalidModelBundleException($"the smoke prediction failed: {e.Message}", e);
        }
    }

    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
