using System.Diagnostics.CodeAnalysis;

using RiskFlag.Core.Schema;

namespace RiskFlag.Web.Sharing;

/// <summary>
/// The PostgreSQL database a fleet of instances shares, <c>ConnectionStrings:RiskFlag</c>: decisions and outcomes,
/// users, API keys, audit records and the model registry with its zips. Without one, each of them is a SQLite file of
/// this machine.
/// </summary>
public sealed class SharedDatabase
{
    public SharedDatabase(IConfiguration configuration) =>
        (ConnectionString, FromEarlierKey) = SharedDatabaseSetting.Read(key => configuration[key]);

    /// <summary>The PostgreSQL connection string; null for the single-machine default.</summary>
    public string? ConnectionString { get; }

    [MemberNotNullWhen(true, nameof(ConnectionString))]
    public bool IsConfigured => ConnectionString is not null;

    /// <summary>Whether the connection string came from <see cref="SharedDatabaseSetting.EarlierKey"/>, which start-up reports once.</summary>
    public bool FromEarlierKey { get; }
}
