using System.Collections.Concurrent;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using RiskFlag.Web.Sharing;

namespace RiskFlag.Tests.Web;

public sealed class SharedDatabaseTests
{
    private static SharedDatabase From(params (string Key, string? Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build());

    [Fact]
    public void Without_a_connection_string_each_instance_keeps_its_own_files()
    {
        var shared = From(("ConnectionStrings:RiskFlag", "  "));

        Assert.False(shared.IsConfigured);
        Assert.Null(shared.ConnectionString);
        Assert.False(shared.FromEarlierKey);
    }

    [Fact]
    public void The_connection_string_named_RiskFlag_is_the_shared_database()
    {
        var shared = From(("ConnectionStrings:RiskFlag", "Host=db"), ("Decisions:PostgresConnectionString", "Host=old"));

        Assert.True(shared.IsConfigured);
        Assert.Equal("Host=db", shared.ConnectionString);
        Assert.False(shared.FromEarlierKey);
    }

    [Fact]
    public void The_key_earlier_versions_read_still_counts_and_is_reported()
    {
        var shared = From(("Decisions:PostgresConnectionString", "Host=old"));

        Assert.Equal("Host=old", shared.ConnectionString);
        Assert.True(shared.FromEarlierKey);
    }

    [Theory]
    [InlineData("Decisions:PostgresConnectionString", 1)]
    [InlineData("ConnectionStrings:RiskFlag", 0)]
    public void Reading_the_earlier_key_is_warned_of_once_when_the_setting_is_first_needed(string key, int warnings)
    {
        var logged = new ConcurrentQueue<string>();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create<string, string?>(key, "Host=db")]).Build())
            .AddLogging(logging => logging.AddProvider(new CollectingLoggerProvider(logged)))
            .AddSharedDatabase()
            .AddSharedDatabase();
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<SharedDatabase>(), provider.GetRequiredService<SharedDatabase>());
        Assert.Equal(warnings, logged.Count(m => m.Contains("Decisions:PostgresConnectionString", StringComparison.Ordinal) && m.Contains("ConnectionStrings:RiskFlag", StringComparison.Ordinal)));
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> messages) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                messages.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
