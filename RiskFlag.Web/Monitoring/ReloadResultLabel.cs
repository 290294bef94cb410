using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Monitoring;

/// <summary>The result label of riskflag_model_reloads_total.</summary>
public static class ReloadResultLabel
{
    public const string Success = "success";

    /// <summary>A bundle was there but could not serve; the previous model (if any) kept serving.</summary>
    public const string Failure = "failure";

    /// <summary>No bundle at the model path.</summary>
    public const string Missing = "missing";

    public static IReadOnlyList<string> All { get; } = [Success, Failure, Missing];

    public static string Of(ReloadOutcome outcome) => outcome switch
    {
        ReloadOutcome.Loaded => Success,
        ReloadOutcome.Rejected => Failure,
        _ => Missing,
    };
}
