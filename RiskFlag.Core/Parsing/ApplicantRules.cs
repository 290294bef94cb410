namespace RiskFlag.Core.Parsing;

/// <summary>The accepted ranges. Wider than the training data so real but unusual applicants still score.</summary>
public static class ApplicantRules
{
    public const double MaxIncome = 1_000_000_000;
    public const int MinAge = 18;
    public const int MaxAge = 100;
    public const int MaxYears = 82;
    public const int MaxTextLength = 100;
}
