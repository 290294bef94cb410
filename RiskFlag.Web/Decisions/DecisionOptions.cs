namespace RiskFlag.Web.Decisions;

/// <summary>The "Decisions" configuration section: the log of every prediction served.</summary>
public sealed class DecisionOptions
{
    public const string Section = "Decisions";

    public bool Enabled { get; set; } = true;

    /// <summary>The SQLite file; a relative path is looked up like Model:Path. Ignored when <see cref="PostgresConnectionString"/> is set.</summary>
    public string Database { get; set; } = "data/decisions.db";

    /// <summary>When set, decisions go to PostgreSQL instead of SQLite.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Decisions waiting to be written; beyond this a decision is dropped (and counted) rather than slowing a request.</summary>
    public int QueueCapacity { get; set; } = 50_000;

    public int BatchSize { get; set; } = 500;

    /// <summary>How long the writer gathers decisions before writing a partial batch: few full transactions rather than many small ones.</summary>
    public int FlushIntervalMilliseconds { get; set; } = 200;

    /// <summary>Decisions older than this are deleted at start-up and then daily; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = 365;
}
