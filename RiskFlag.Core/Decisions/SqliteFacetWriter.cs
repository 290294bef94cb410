using Microsoft.Data.Sqlite;

namespace RiskFlag.Core.Decisions;

/// <summary>Inserts a segment's facets through one prepared statement, reused for every segment of a connection.</summary>
internal sealed class SqliteFacetWriter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _segment;
    private readonly SqliteParameter _model;
    private readonly SqliteParameter _channel;
    private readonly SqliteParameter _rows;
    private readonly SqliteParameter _flagged;

    public SqliteFacetWriter(SqliteConnection connection)
    {
        _command = connection.CreateCommand();
        _command.CommandText = "INSERT INTO decision_facets (segment_id, model_version, channel, row_count, flagged_count) VALUES (@segment, @model, @channel, @rows, @flagged)";
        _segment = _command.Parameters.Add("@segment", SqliteType.Integer);
        _model = _command.Parameters.Add("@model", SqliteType.Text);
        _channel = _command.Parameters.Add("@channel", SqliteType.Text);
        _rows = _command.Parameters.Add("@rows", SqliteType.Integer);
        _flagged = _command.Parameters.Add("@flagged", SqliteType.Integer);
    }

    /// <param name="transaction">The connection's open transaction, which a command must name to run inside it.</param>
    public void Insert(SqliteTransaction? transaction, long segmentId, IEnumerable<DecisionFacet> facets)
    {
        _command.Transaction = transaction;
        foreach (var facet in facets)
        {
            _segment.Value = segmentId;
            _model.Value = facet.ModelVersion;
            _channel.Value = facet.Channel;
            _rows.Value = facet.Rows;
            _flagged.Value = facet.Flagged;
            _command.ExecuteNonQuery();
        }
    }

    public void Dispose() => _command.Dispose();
}
