using System.Globalization;

namespace RiskFlag.Core.Decisions;

/// <summary>
/// A place in the decision log's order (newest first: by time, then by where a decision was stored), from which a
/// page continues: pages are found by seeking to it, so a page deep in the log costs what the first page costs.
/// <see cref="Key"/> and <see cref="Index"/> are the store's own (SQLite: segment and position in it; PostgreSQL: row id).
/// </summary>
public readonly record struct DecisionCursor(long Time, long Key, int Index) : IComparable<DecisionCursor>
{
    /// <summary>Older first.</summary>
    public int CompareTo(DecisionCursor other) =>
        Time != other.Time ? Time.CompareTo(other.Time)
        : Key != other.Key ? Key.CompareTo(other.Key)
        : Index.CompareTo(other.Index);

    public static bool operator <(DecisionCursor left, DecisionCursor right) => left.CompareTo(right) < 0;

    public static bool operator >(DecisionCursor left, DecisionCursor right) => left.CompareTo(right) > 0;

    public static bool operator <=(DecisionCursor left, DecisionCursor right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DecisionCursor left, DecisionCursor right) => left.CompareTo(right) >= 0;

    /// <summary>As it travels in a link: <c>time_key_index</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Time}_{Key}_{Index}");

    public static bool TryParse(string? text, out DecisionCursor cursor)
    {
        cursor = default;
        var parts = text?.Split('_');
        if (parts is not { Length: 3 }
            || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        cursor = new DecisionCursor(time, key, index);
        return true;
    }
}
