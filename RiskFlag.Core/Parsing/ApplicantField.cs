namespace RiskFlag.Core.Parsing;

/// <summary>The input columns of the Kaggle schema, in file order.</summary>
public enum ApplicantField
{
    Id,
    Income,
    Age,
    Experience,
    Married,
    HouseOwnership,
    CarOwnership,
    Profession,
    City,
    State,
    CurrentJobYears,
    CurrentHouseYears,
    RiskFlag,
}
