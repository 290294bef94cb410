using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.RateLimiting;

namespace RiskFlag.Web.Identity;

/// <summary>
/// The framework's rate limiter, as two named policies that endpoints and pages opt into (<c>RequireRateLimiting</c>,
/// <c>[EnableRateLimiting]</c>): sign-in attempts (page and API together) per client IP address and minute, so guessing
/// passwords is slow; scoring requests per user or key, generous by default, so one client cannot starve the rest. Only
/// POSTs count. Every refusal is a 429 that says when to retry.
/// </summary>
public static class RequestLimits
{
    public const string SignIn = "sign-in";
    public const string Scoring = "scoring";

    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(1);

    public static void AddPolicies(RateLimiterOptions limits, AuthOptions options)
    {
        // One policy for the page and the API, so an address has one budget for both.
        limits.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.SignInPermitsPerMinute,
                Window = SignInWindow,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty));

        limits.AddPolicy(Scoring, context => HttpMethods.IsPost(context.Request.Method) && options.ScoringPermitsPerSecond > 0
            && context.User.Identity is { IsAuthenticated: true, Name: { } user }
            ? RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.ScoringPermitsPerSecond * 2,
                TokensPerPeriod = options.ScoringPermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Try again in {seconds} s.").ExecuteAsync(rejected.HttpContext);
    }
}
