using RiskFlag.Core.Domain;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// The documented risk process behind the synthetic labels (docs/synthetic-data.md). An applicant's
/// log-odds of Risk_Flag = 1 is a sum of readable effects plus a latent term the features cannot see;
/// the latent term and the coin flip keep a perfect model well short of ROC AUC 1.
/// </summary>
internal static class RiskProcess
{
    // Solved numerically over 8 million simulated applicants so that 12.3 % of them are risky.
    public const double Intercept = -3.63;

    public const double LatentNoiseStandardDeviation = 0.5;

    // Age: a U-shape with its floor in the early fifties, the young riskier than the old.
    public const double AgeCentre = 52.0;
    public const double AgeHalfSpan = 30.0;
    public const double AgeCurvature = 2.2;
    public const double AgeSlope = -0.5;

    // Income: every halving of income adds the same risk; 5,000,000 is the neutral point.
    public const double IncomeReference = 5_000_000.0;
    public const double IncomeSlope = -0.85;

    // Stability: a fresh job is the riskiest, fading over the first years; each year in the same
    // house lowers risk.
    public const double NewJobEffect = 1.3;
    public const double NewJobFadeYears = 3.0;
    public const double HouseYearsReference = 12.0;
    public const double HouseYearSlope = -0.22;

    public const double OwnedHouseEffect = -1.0;
    public const double NoRentNoOwnEffect = 0.2;
    public const double CarOwnerEffect = -0.55;
    public const double MarriedEffect = -0.4;

    /// <summary>The applicant's log-odds of being risky, without the latent term.</summary>
    public static double ObservableLogit(Applicant applicant)
    {
        return Intercept
            + CityRiskOffsets.For(applicant.City)
            + AgeEffect(applicant.Age)
            + IncomeEffect(applicant.Income)
            + StabilityEffect(applicant.CurrentJobYears, applicant.CurrentHouseYears)
            + OwnershipEffect(applicant.HouseOwnership, applicant.OwnsCar)
            + ProfessionRiskOffsets.For(applicant.Profession)
            + (applicant.MaritalStatus == MaritalStatus.Married ? MarriedEffect : 0.0);
    }

    /// <summary>The log-odds under <paramref name="kind"/>, without the latent term.</summary>
    public static double ObservableLogit(Applicant applicant, RiskProcessKind kind) =>
        kind == RiskProcessKind.Interacting ? ObservableLogit(applicant) + InteractionEffect(applicant) : ObservableLogit(applicant);

    // Centred so the share of risky applicants stays close to the additive process's (about 12 to 14 %).
    public const double InteractionCentre = -0.35;

    /// <summary>What <see cref="RiskProcessKind.Interacting"/> adds: effects of one field that depend on another.</summary>
    public static double InteractionEffect(Applicant applicant)
    {
        // Every halving of income below the reference costs the under-30s 0.9 more, the over-50s 0.5 less.
        var poorer = Math.Max(0, -Math.Log(applicant.Income / IncomeReference));
        var byAge = applicant.Age < 30 ? 0.9 : applicant.Age > 50 ? -0.5 : 0;
        var unsettled = applicant.CurrentJobYears < 2 && applicant.HouseOwnership == HouseOwnership.Rented ? 1.1 : 0;
        return InteractionCentre + (byAge * poorer) + unsettled;
    }

    public static double AgeEffect(int age)
    {
        double position = (age - AgeCentre) / AgeHalfSpan;
        return (AgeCurvature * position * position) + (AgeSlope * position);
    }

    public static double IncomeEffect(double income)
    {
        return IncomeSlope * Math.Log(income / IncomeReference);
    }

    public static double StabilityEffect(int currentJobYears, int currentHouseYears)
    {
        return (NewJobEffect * Math.Exp(-currentJobYears / NewJobFadeYears))
            + (HouseYearSlope * (currentHouseYears - HouseYearsReference));
    }

    public static double OwnershipEffect(HouseOwnership houseOwnership, bool ownsCar)
    {
        double house = houseOwnership switch
        {
            HouseOwnership.Owned => OwnedHouseEffect,
            HouseOwnership.NoRentNoOwn => NoRentNoOwnEffect,
            _ => 0.0,
        };
        return house + (ownsCar ? CarOwnerEffect : 0.0);
    }
}
