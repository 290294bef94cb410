namespace RiskFlag.Web.Audit;

/// <summary>One thing a person or service did that an administrator must be able to look up later: who, when, what.</summary>
public sealed class AuditRecord
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public required string Action { get; init; }

    public required string Target { get; init; }

    public required string Detail { get; init; }
}
