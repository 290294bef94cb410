namespace RiskFlag.Web.Audit;

/// <summary>The audited actions, as stored: a filter on the audit page picks one of these.</summary>
public static class AuditActions
{
    public const string DecisionsExported = "decisions.export";
    public const string OutcomesPosted = "outcomes.post";
    public const string ModelPromoted = "model.promote";
    public const string ModelRolledBack = "model.rollback";
    public const string ModelReloaded = "model.reload";
    public const string UserCreated = "user.create";
    public const string UserRolesChanged = "user.roles";
    public const string UserDisabled = "user.disable";
    public const string UserEnabled = "user.enable";
    public const string ApiKeyCreated = "apikey.create";
    public const string ApiKeyRevoked = "apikey.revoke";

    public static readonly IReadOnlyList<string> All =
    [
        DecisionsExported, OutcomesPosted, ModelPromoted, ModelRolledBack, ModelReloaded, UserCreated, UserRolesChanged, UserDisabled,
        UserEnabled, ApiKeyCreated, ApiKeyRevoked,
    ];
}
