using RiskFlag.Core.Features;

namespace RiskFlag.Core.Bundle;

/// <summary>encodings.json: the target-encoding tables plus the vocabulary they were learned from.</summary>
public sealed record EncodingsDocument(
    double Prior,
    double Smoothing,
    IReadOnlyDictionary<string, float> City,
    IReadOnlyDictionary<string, float> State,
    IReadOnlyDictionary<string, float> Profession,
    CategoryVocabulary Vocabulary)
{
    public FeatureEncodings ToEncodings() => new(
        new TargetEncoding(City, (float)Prior),
        new TargetEncoding(State, (float)Prior),
        new TargetEncoding(Profession, (float)Prior));

    public static EncodingsDocument From(FeatureEncodings encodings, double smoothing, CategoryVocabulary vocabulary) => new(
        encodings.Prior, smoothing, encodings.City.Values, encodings.State.Values, encodings.Profession.Values, vocabulary);
}
