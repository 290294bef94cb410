using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Features;

/// <summary>The normalised category keys of one applicant, computed once and shared by every feature.</summary>
public readonly record struct ApplicantKeys(string City, string State, string Profession)
{
    public static ApplicantKeys Of(Applicant applicant)
    {
        var state = TextNormalizer.Normalize(applicant.State);
        return new ApplicantKeys(
            CityKey(TextNormalizer.Normalize(applicant.City), state),
            state,
            TextNormalizer.Normalize(applicant.Profession));
    }

    public static string CityKey(string normalizedCity, string normalizedState) => string.Concat(normalizedCity, "|", normalizedState);
}
