using Microsoft.ML.Transforms;

using RiskFlag.Core.Domain;
using RiskFlag.Core.Model;

namespace RiskFlag.Core.Features;

/// <summary>
/// The stateless half of the feature pipeline, as an ML.NET custom mapping saved by name in the model zip. Loading a
/// zip therefore needs <c>mlContext.ComponentCatalog.RegisterAssembly(typeof(ApplicantFeatureMapping).Assembly)</c>.
/// The contract name carries the feature schema version: a change of meaning gets a new name, and an old zip fails
/// to load instead of being misread.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class ApplicantFeatureMapping : CustomMappingFactory<ApplicantInput, DerivedFeatures>
{
    public const string ContractName = "riskflag.applicant-features.v2";

    // Real traffic repeats a few hundred spellings; the cache turns normalisation into a lookup.
    private static readonly KeyCache Keys = new();

    public override Action<ApplicantInput, DerivedFeatures> GetMapping() => Map;

    public static void Map(ApplicantInput input, DerivedFeatures output)
    {
        var keys = Keys.Of(input.City, input.State, input.Profession);
        output.CityKey = keys.City;
        output.StateKey = keys.State;
        output.ProfessionKey = keys.Profession;
        output.Income = (float)input.Income;
        output.Age = input.Age;
        output.Experience = input.Experience;
        output.CurrentJobYears = input.CurrentJobYears;
        output.CurrentHouseYears = input.CurrentHouseYears;
        output.Married = DomainCodes.TryParseMaritalStatus(input.MaritalStatus, out var marital)
            ? marital == MaritalStatus.Married ? 1 : 0
            : float.NaN;
        output.HouseOwnership = DomainCodes.TryParseHouseOwnership(input.HouseOwnership, out var house) ? (int)house : float.NaN;
        output.CarOwnership = DomainCodes.TryParseCarOwnership(input.CarOwnership, out var car) ? car ? 1 : 0 : float.NaN;
        output.ProfessionGroup = ProfessionGroups.Of(keys.Profession);
        output.IncomeToAge = (float)(input.Income / input.Age);
        output.IncomeToExperience = (float)(input.Income / (input.Experience + 1));
        output.StabilityScore = StabilityScore(input.Age, input.CurrentJobYears, input.CurrentHouseYears);
    }

    // Years in the current job and house relative to the years since 18, capped at 1: a rough measure of how settled someone is.
    public static float StabilityScore(int age, int currentJobYears, int currentHouseYears) =>
        (float)Math.Min(1.0, (currentJobYears + currentHouseYears) / (2.0 * Math.Max(1, age - 17)));
}
