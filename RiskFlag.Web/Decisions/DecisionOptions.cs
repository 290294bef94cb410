namespace RiskFlag.Web.Decisions;

/// <summary>The "Decisions" configuration section: the log of every prediction served.</summary>
public sealed class DecisionOptions
{
    public const string Section = "Decisions";

    public bool Enabled { get; set; } = true;

    /// <summary>What this site instance's decisions are marked with, so a fleet's shared log tells them apart; the host name by default.</summary>
    public string? Instance { get; set; }

    public string InstanceName => string.IsNullOrWhiteSpace(Instance) ? Environment.MachineName : Instance.Trim();

    /// <summary>The SQLite file; a relative path is looked up like Model:Path. Unused when the instances share a database (ConnectionStrings:RiskFlag).</summary>
    public string Database { get; set; } = "data/decisions.db";

    /// <summary>
    /// Decisions waiting to be written; beyond this a request's decision is refused (and counted) and the request answers
    /// 503 with Retry-After, rather than waiting for room or being answered without its decision in the log.
    /// </summary>
    public int QueueCapacity { get; set; } = 50_000;

    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long the writer waits to gather more decisions before committing a partial batch. Every answer waits for its
    /// commit, so this adds to each request's latency; 0 (the default) commits at once, and the decisions that arrive
    /// while one commit runs make up the next one, so a busy site still commits dozens per transaction.
    /// </summary>
    public int FlushIntervalMilliseconds { get; set; }

    /// <summary>
    /// SQLite only: also wait for the disk on every commit (synchronous=FULL), so a power cut loses no answered decision
    /// either. Off, a killed or crashed process still loses nothing (WAL, synchronous=NORMAL). PostgreSQL follows its
    /// own synchronous_commit.
    /// </summary>
    public bool SyncEveryCommit { get; set; }

    /// <summary>Decisions older than this are deleted at start-up and then daily; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = 365;
}
