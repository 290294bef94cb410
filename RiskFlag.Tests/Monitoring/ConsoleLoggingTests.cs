using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

using RiskFlag.Web.Monitoring;

namespace RiskFlag.Tests.Monitoring;

/// <summary>Production writes JSON lines that carry the trace id; other environments keep the readable console.</summary>
public sealed class ConsoleLoggingTests
{
    [Fact]
    public void Production_logs_json_with_scopes_and_the_trace_id()
    {
        using var services = Logging(Environments.Production);

        Assert.Equal(ConsoleFormatterNames.Json, services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.True(services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
        Assert.True(services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions.HasFlag(ActivityTrackingOptions.TraceId));
    }

    [Fact]
    public void Development_keeps_the_default_console_formatter()
    {
        using var services = Logging(Environments.Development);

        Assert.NotEqual(ConsoleFormatterNames.Json, services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    private static ServiceProvider Logging(string environment)
    {
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };
        return new ServiceCollection().AddLogging(logging => logging.AddConsole().AddRiskConsoleLogging(host)).BuildServiceProvider();
    }
}
