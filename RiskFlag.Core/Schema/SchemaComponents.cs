namespace RiskFlag.Core.Schema;

/// <summary>The names the stores' steps are recorded under in schema_history, the same on both engines.</summary>
public static class SchemaComponents
{
    public const string Decisions = "decisions";

    public const string Outcomes = "outcomes";

    public const string Registry = "registry";
}
