using RiskFlag.Core.Domain;

namespace RiskFlag.Core.Decisions;

/// <summary>Receives one decision's column values in <see cref="DecisionColumns.Names"/> order.</summary>
public interface IDecisionRowWriter
{
    void WriteInt64(long value);

    void WriteInt32(int value);

    void WriteDouble(double value);

    void WriteText(string value);
}

/// <summary>
/// The decisions table's stored columns and how a record fills them — the one place that order is written
/// down, so each store's fast insert path (bound statement, binary copy) cannot drift from the others.
/// </summary>
public static class DecisionColumns
{
    public static readonly IReadOnlyList<string> Names =
    [
        "decided_at", "channel", "model_version", "request_id", "income", "age", "experience", "married", "house_ownership",
        "car_ownership", "profession", "city", "state", "current_job_yrs", "current_house_yrs", "probability", "threshold", "flag",
        "top_factors",
    ];

    public static readonly string List = string.Join(", ", Names);

    /// <remarks>Generic over a struct writer so the per-row calls are direct, not interface dispatches.</remarks>
    public static void Write<TWriter>(DecisionRecord record, ref TWriter writer)
        where TWriter : struct, IDecisionRowWriter
    {
        var a = record.Applicant;
        writer.WriteInt64(record.DecidedAt.ToUnixTimeMilliseconds());
        writer.WriteText(record.Channel);
        writer.WriteText(record.ModelVersion);
        writer.WriteText(record.RequestId);
        writer.WriteDouble(a.Income);
        writer.WriteInt32(a.Age);
        writer.WriteInt32(a.Experience);
        writer.WriteText(a.MaritalStatus.ToCode());
        writer.WriteText(a.HouseOwnership.ToCode());
        writer.WriteText(a.OwnsCar.ToCarCode());
        writer.WriteText(a.Profession);
        writer.WriteText(a.City);
        writer.WriteText(a.State);
        writer.WriteInt32(a.CurrentJobYears);
        writer.WriteInt32(a.CurrentHouseYears);
        writer.WriteDouble(record.Probability);
        writer.WriteDouble(record.Threshold);
        writer.WriteInt32(record.Flag ? 1 : 0);
        writer.WriteText(record.TopFactors);
    }
}
