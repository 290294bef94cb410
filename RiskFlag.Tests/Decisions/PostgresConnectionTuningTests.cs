using Npgsql;

using RiskFlag.Core.Decisions;

namespace RiskFlag.Tests.Decisions;

public sealed class PostgresConnectionTuningTests
{
    [Fact]
    public void The_log_skips_the_reset_and_prepares_its_statements_by_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresDecisionLogStore.Tuned("Host=db;Username=riskflag"));

        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.Equal("db", tuned.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;noresetonclose=false")]
    public void What_the_operator_wrote_wins(string connectionString)
    {
        // E.g. behind PgBouncer in transaction mode, where prepared statements must stay off.
        var tuned = new NpgsqlConnectionStringBuilder(PostgresDecisionLogStore.Tuned(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
