using System.Diagnostics.CodeAnalysis;

namespace RiskFlag.Web.Sharing;

/// <summary>
/// The PostgreSQL database a fleet of instances shares, <c>ConnectionStrings:RiskFlag</c>: decisions and outcomes,
/// users, API keys, audit records and the model registry with its zips. Without one, each of them is a SQLite file of
/// this machine.
/// </summary>
public sealed class SharedDatabase
{
    public const string ConnectionStringName = "RiskFlag";

    /// <summary>
    /// The key earlier versions read for the decision log's PostgreSQL. Still honoured (after the new key), so an
    /// upgraded instance keeps its shared database instead of quietly falling back to files of its own.
    /// </summary>
    public const string EarlierKey = "Decisions:PostgresConnectionString";

    public SharedDatabase(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var earlier = configuration[EarlierKey];
        ConnectionString = !string.IsNullOrWhiteSpace(configured) ? configured : string.IsNullOrWhiteSpace(earlier) ? null : earlier;
        FromEarlierKey = string.IsNullOrWhiteSpace(configured) && ConnectionString is not null;
    }

    /// <summary>The PostgreSQL connection string; null for the single-machine default.</summary>
    public string? ConnectionString { get; }

    [MemberNotNullWhen(true, nameof(ConnectionString))]
    public bool IsConfigured => ConnectionString is not null;

    /// <summary>Whether the connection string came from <see cref="EarlierKey"/>, which start-up reports once.</summary>
    public bool FromEarlierKey { get; }
}
