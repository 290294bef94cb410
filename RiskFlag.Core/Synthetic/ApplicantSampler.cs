using Bogus;

using RiskFlag.Core.Domain;
using RiskFlag.Core.Vocabulary;

using static RiskFlag.Core.Synthetic.ApplicantMarginals;

namespace RiskFlag.Core.Synthetic;

/// <summary>
/// Draws the features of a fixed number of distinct applicants from the real data's marginals.
/// Features are independent of each other, as they are in the real data, except that job years
/// never exceed experience and the state always belongs to the city.
/// </summary>
internal sealed class ApplicantSampler
{
    private readonly Randomizer _random;
    private readonly QuotaDeck<MaritalStatus> _maritalStatuses;
    private readonly QuotaDeck<HouseOwnership> _houseOwnerships;
    private readonly QuotaDeck<bool> _carOwnerships;

    public ApplicantSampler(Randomizer random, int count)
    {
        _random = random;
        _maritalStatuses = new QuotaDeck<MaritalStatus>(random, count,
            [(MaritalStatus.Married, MarriedShare), (MaritalStatus.Single, 1 - MarriedShare)]);
        _houseOwnerships = new QuotaDeck<HouseOwnership>(random, count,
            [
                (HouseOwnership.Rented, RentedShare),
                (HouseOwnership.Owned, OwnedHouseShare),
                (HouseOwnership.NoRentNoOwn, NoRentNoOwnShare),
            ]);
        _carOwnerships = new QuotaDeck<bool>(random, count, [(true, CarOwnerShare), (false, 1 - CarOwnerShare)]);
    }

    public Applicant Next()
    {
        int experience = _random.Number(MinExperience, MaxExperience);
        KnownCity city = CityPicker.Next(_random);
        return new Applicant(
            Income: _random.Number(MinIncome, MaxIncome),
            Age: _random.Number(MinAge, MaxAge),
            Experience: experience,
            MaritalStatus: _maritalStatuses.Deal(),
            HouseOwnership: _houseOwnerships.Deal(),
            OwnsCar: _carOwnerships.Deal(),
            Profession: KnownProfessions.All[_random.Number(0, KnownProfessions.All.Count - 1)],
            City: city.Name,
            State: city.State,
            CurrentJobYears: Math.Min(experience, _random.Number(MinJobYearsDraw, MaxJobYears)),
            CurrentHouseYears: _random.Number(MinHouseYears, MaxHouseYears));
    }
}
