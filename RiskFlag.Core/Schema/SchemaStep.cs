using System.Data.Common;

namespace RiskFlag.Core.Schema;

/// <summary>
/// One change to a store's tables, applied once, in version order, and recorded in <c>schema_history</c>. Version 1 of
/// each store creates its tables the way earlier releases did (every statement "if not exists"), so a database made
/// before the history existed is adopted by it rather than failing; every later version is a plain change.
/// </summary>
public sealed record SchemaStep(int Version, string Description, Action<DbCommand> Apply)
{
    /// <summary>A step that is one SQL script.</summary>
    public static SchemaStep Sql(int version, string description, string sql) => new(version, description, command =>
    {
        command.CommandText = sql;
        command.ExecuteNonQuery();
    });
}
