using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.Access;

/// <summary>A site with limits small enough to reach in a test: three sign-in attempts a minute, a lock after two failures, two scoring requests a second.</summary>
public sealed class TightlyLimitedSite() : ServedSite(TrainedBundles.Shared.Primary, new Dictionary<string, string?>
{
    ["Auth:SignInPermitsPerMinute"] = "3",
    ["Auth:LockoutAttempts"] = "2",
    ["Auth:ScoringPermitsPerSecond"] = "2",
});
