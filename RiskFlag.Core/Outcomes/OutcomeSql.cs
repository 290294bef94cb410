using System.Data.Common;
using System.Text;

namespace RiskFlag.Core.Outcomes;

/// <summary>The outcomes table's columns and the query for <see cref="IOutcomeStore.ReadAsync"/>, the same in SQLite and PostgreSQL.</summary>
internal static class OutcomeSql
{
    public const string Columns = "decision_id, defaulted, observed_at, recorded_at, decided_at, model_version, channel, probability, threshold";

    /// <summary>The query's outcomes, oldest decision first; its parameters are added to the command.</summary>
    public static string Select(DbCommand command, OutcomeQuery query)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM outcomes WHERE decided_at >= @from AND decided_at < @to");
        Add(command, "@from", query.From?.ToUnixTimeMilliseconds() ?? long.MinValue);
        Add(command, "@to", query.To?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        if (!string.IsNullOrEmpty(query.ModelVersion))
        {
            sql.Append(" AND model_version = @model");
            Add(command, "@model", query.ModelVersion);
        }

        if (!string.IsNullOrEmpty(query.Channel))
        {
            sql.Append(" AND channel = @channel");
            Add(command, "@channel", query.Channel);
        }

        return sql.Append(" ORDER BY decided_at, decision_id").ToString();
    }

    /// <summary>A row of <see cref="Select"/>; the id and the flag are read by the caller, as each engine stores them its own way.</summary>
    public static OutcomeRecord Read(DbDataReader reader, Guid decisionId, bool defaulted) => new(
        decisionId,
        defaulted,
        reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetDouble(7),
        reader.GetDouble(8));

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
