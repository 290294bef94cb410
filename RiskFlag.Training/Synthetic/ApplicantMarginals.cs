namespace RiskFlag.Training.Synthetic;

/// <summary>Ranges and shares of the real 252,000-row training data that the generator reproduces.</summary>
internal static class ApplicantMarginals
{
    // Income, age, experience and house years are close to uniform over these ranges in the real data.
    public const int MinIncome = 10_310;
    public const int MaxIncome = 9_999_938;
    public const int MinAge = 21;
    public const int MaxAge = 79;
    public const int MinExperience = 0;
    public const int MaxExperience = 20;
    public const int MinHouseYears = 10;
    public const int MaxHouseYears = 14;

    // The real CURRENT_JOB_YRS is min(Experience, U{3..14}): equal to Experience up to 3 years,
    // then a uniform 3..14 capped by Experience (checked against the 50,400-row raw split).
    public const int MinJobYearsDraw = 3;
    public const int MaxJobYears = 14;

    public const double MarriedShare = 0.102;
    public const double OwnedHouseShare = 0.051;
    public const double NoRentNoOwnShare = 0.028;
    public const double RentedShare = 1 - OwnedHouseShare - NoRentNoOwnShare;
    public const double CarOwnerShare = 0.30;
}
