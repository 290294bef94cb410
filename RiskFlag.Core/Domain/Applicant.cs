namespace RiskFlag.Core.Domain;

/// <summary>
/// One loan applicant as entered or read from a file. Text fields keep the caller's spelling;
/// the feature pipeline normalises them so that "West Bengal" and "West_Bengal" are the same state.
/// </summary>
public sealed record Applicant(
    double Income,
    int Age,
    int Experience,
    MaritalStatus MaritalStatus,
    HouseOwnership HouseOwnership,
    bool OwnsCar,
    string Profession,
    string City,
    string State,
    int CurrentJobYears,
    int CurrentHouseYears);

public enum MaritalStatus
{
    Single = 0,
    Married = 1,
}

public enum HouseOwnership
{
    Rented = 0,
    Owned = 1,
    NoRentNoOwn = 2,
}
