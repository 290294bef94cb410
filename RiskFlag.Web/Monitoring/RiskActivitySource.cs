using System.Diagnostics;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// The site's own trace source. ASP.NET Core already makes one span per request; code that wants a child span
/// (parse, score, enqueue a decision) starts it here, and it is exported with the request's span when tracing is on.
/// With no listener (tracing off) StartActivity returns null and costs a branch.
/// </summary>
public static class RiskActivitySource
{
    public const string Name = "RiskFlag";

    public static ActivitySource Instance { get; } = new(Name);
}
