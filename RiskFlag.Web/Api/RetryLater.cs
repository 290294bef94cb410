namespace RiskFlag.Web.Api;

/// <summary>A 503 that tells clients (and load balancers) when to come back, around the problem details it carries.</summary>
public sealed class RetryLater(IResult inner, int seconds = 1) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
