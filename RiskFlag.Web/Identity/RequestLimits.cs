using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.RateLimiting;

namespace RiskFlag.Web.Identity;

/// <summary>
/// The framework's rate limiter, partitioned: sign-in attempts (page and API together) per client IP address and minute,
/// so guessing passwords is slow; scoring requests per user or key, generous by default, so one client cannot starve
/// the rest. Every refusal is a 429 that says when to retry.
/// </summary>
public static class RequestLimits
{
    public static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(1);

    private static readonly string[] ScoringPaths = ["/api/predict", "/api/predict/batch", "/", "/Index", "/Batch"];

    public static PartitionedRateLimiter<HttpContext> Create(AuthOptions options) => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        if (request.Path.Equals(SignInPaths.Login, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(SignInPaths.SignIn, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetFixedWindowLimiter("sign-in " + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.SignInPermitsPerMinute,
                Window = SignInWindow,
                QueueLimit = 0,
            });
        }

        if (options.ScoringPermitsPerSecond > 0 && context.User.Identity is { IsAuthenticated: true, Name: { } user } && IsScoring(request.Path))
        {
            return RateLimitPartition.GetTokenBucketLimiter("scoring " + user, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.ScoringPermitsPerSecond * 2,
                TokensPerPeriod = options.ScoringPermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.GetNoLimiter(string.Empty);
    });

    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Try again in {seconds} s.").ExecuteAsync(rejected.HttpContext);
    }

    private static bool IsScoring(PathString path)
    {
        foreach (var scoring in ScoringPaths)
        {
            if (path.Equals(scoring, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
