namespace RiskFlag.Web.Monitoring;

public static class LoggingBuilderExtensions
{
    /// <summary>
    /// In Production, console logs are JSON lines (for a log shipper), with scopes, so each request's lines carry its
    /// TraceId and SpanId (the host's default activity tracking) next to the request path. Elsewhere the console
    /// keeps the readable default.
    /// </summary>
    public static ILoggingBuilder AddRiskConsoleLogging(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return logging;
        }

        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return logging;
    }
}
