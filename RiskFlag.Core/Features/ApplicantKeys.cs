using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Features;

/// <summary>The normalised category keys of one applicant: what the encoding tables are keyed by.</summary>
public readonly record struct ApplicantKeys(string City, string State, string Profession)
{
    public static ApplicantKeys Of(Applicant applicant) => Of(applicant.City, applicant.State, applicant.Profession);

    public static ApplicantKeys Of(string city, string state, string profession)
    {
        var normalizedState = TextNormalizer.Normalize(state);
        return new ApplicantKeys(CityKey(TextNormalizer.Normalize(city), normalizedState), normalizedState, TextNormalizer.Normalize(profession));
    }

    /// <summary>City and state together: "Aurangabad" exists in two states.</summary>
    public static string CityKey(string normalizedCity, string normalizedState) => string.Concat(normalizedCity, "|", normalizedState);
}
