using System.Diagnostics;

namespace RiskFlag.Web.Monitoring;

/// <summary>
/// The site's own trace source. ASP.NET Core already makes one span per request; the site adds child spans for
/// reading the applicants, scoring with the explanation, and handing the decision to the log, and one span per
/// batch file with its row counts. With no listener (tracing off) StartActivity returns null and costs a branch.
/// </summary>
public static class RiskActivitySource
{
    public const string Name = "RiskFlag";

    public const string ParseSpan = "parse applicants";
    public const string ScoreSpan = "score and explain";
    public const string DecisionSpan = "log decision";
    public const string BatchSpan = "score batch";

    public static ActivitySource Instance { get; } = new(Name);

    /// <summary>
    /// The id a decision is logged under: the W3C trace id of the request when it has one (always when tracing is on),
    /// so an operator goes from a decision to its trace; the server's request identifier otherwise.
    /// </summary>
    public static string RequestId(HttpContext context) => CurrentTraceId() ?? context.TraceIdentifier;

    /// <summary>The W3C trace id (32 hex digits) of the work in progress, or null outside any trace.</summary>
    public static string? CurrentTraceId() =>
        Activity.Current is { } activity && activity.TraceId != default ? activity.TraceId.ToHexString() : null;
}
