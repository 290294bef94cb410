using RiskFlag.Core.Bundle;
using RiskFlag.Core.Features;

namespace RiskFlag.Training.Pipeline;

/// <summary>The human spellings of the categories seen in training, for the form's lists.</summary>
public static class VocabularyBuilder
{
    public static CategoryVocabulary Build(IEnumerable<TrainingExample> examples)
    {
        var cities = new Dictionary<string, CityName>(StringComparer.Ordinal);
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        var professions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var a = example.Applicant;
            cities.TryAdd(example.Keys.City, new CityName(TextNormalizer.Display(a.City), TextNormalizer.Display(a.State)));
            states.TryAdd(example.Keys.State, TextNormalizer.Display(a.State));
            professions.TryAdd(example.Keys.Profession, TextNormalizer.Display(a.Profession));
        }

        return new CategoryVocabulary(
            [.. cities.Values.OrderBy(c => c.City, StringComparer.Ordinal).ThenBy(c => c.State, StringComparer.Ordinal)],
            [.. states.Values.OrderBy(s => s, StringComparer.Ordinal)],
            [.. professions.Values.OrderBy(p => p, StringComparer.Ordinal)]);
    }
}
