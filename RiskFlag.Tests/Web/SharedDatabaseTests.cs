using Microsoft.Extensions.Configuration;

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
}
