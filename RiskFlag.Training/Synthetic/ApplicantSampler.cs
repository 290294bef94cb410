using Bogus;

using RiskFlag.Core.Domain;
using RiskFlag.Core.Vocabulary;

using static RiskFlag.Training.Synthetic.ApplicantMarginals;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// Draws the features of a fixed number of distinct applicants from the real data's marginals.
/// Features are independent of each other, as they are in the real data, except that job years
/// never exceed experience and the state always belongs to the city.
/// </summary>
internal sealed class ApplicantSampler(Randomizer random, int count)
{
    private readonly QuotaDeck<MaritalStatus> _maritalStatuses = new(
        random,
        count,
        [(MaritalStatus.Married, MarriedShare), (MaritalStatus.Single, 1 - MarriedShare)]);

    private readonly QuotaDeck<HouseOwnership> _houseOwnerships = new(
        random,
        count,
        [
            (HouseOwnership.Rented, RentedShare),
            (HouseOwnership.Owned, OwnedHouseShare),
            (HouseOwnership.NoRentNoOwn, NoRentNoOwnShare),
        ]);

    private readonly QuotaDeck<bool> _carOwnerships = new(
        random,
        count,
        [(true, CarOwnerShare), (false, 1 - CarOwnerShare)]);

    public Applicant Next()
    {
        int experience = random.Number(MinExperience, MaxExperience);
        KnownCity city = CityPicker.Next(random);
        return new Applicant(
            Income: random.Number(MinIncome, MaxIncome),
            Age: random.Number(MinAge, MaxAge),
            Experience: experience,
            MaritalStatus: _maritalStatuses.Deal(),
            HouseOwnership: _houseOwnerships.Deal(),
            OwnsCar: _carOwnerships.Deal(),
            Profession: KnownProfessions.All[random.Number(0, KnownProfessions.All.Count - 1)],
            City: city.Name,
            State: city.State,
            CurrentJobYears: Math.Min(experience, random.Number(MinJobYearsDraw, MaxJobYears)),
            CurrentHouseYears: random.Number(MinHouseYears, MaxHouseYears));
    }
}
