namespace RiskFlag.Core.Features;

/// <summary>The learned lookups the feature pipeline needs: target encodings of city, state and profession.</summary>
/// <param name="City">Keyed by <see cref="ApplicantKeys.City"/> (city and state together: "Aurangabad" exists in two states).</param>
public sealed record FeatureEncodings(TargetEncoding City, TargetEncoding State, TargetEncoding Profession)
{
    public float Prior => City.Prior;
}
