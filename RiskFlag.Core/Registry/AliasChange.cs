namespace RiskFlag.Core.Registry;

/// <summary>An entry of the audit trail: an alias moved from one version to another, by whom, when and why.</summary>
public sealed record AliasChange(
    long Id,
    string Model,
    string Alias,
    int? FromVersion,
    int ToVersion,
    string Action,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string Reason);
