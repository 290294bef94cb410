using System.Globalization;

using RiskFlag.Core.Decisions;

namespace RiskFlag.Web.Decisions;

/// <summary>
/// The Decisions page's filters as they travel in the query string (from, to, flag, model, channel), shared by the
/// page and its CSV export so both always select the same rows. Dates are UTC days; "to" includes its day.
/// </summary>
public sealed record DecisionFilter(DateOnly? From, DateOnly? To, bool? Flag, string? ModelVersion, string? Channel)
{
    public static readonly DecisionFilter None = new(null, null, null, null, null);

    public static DecisionFilter FromQuery(IQueryCollection query) => new(
        Date(query["from"]),
        Date(query["to"]),
        query["flag"].ToString() switch { "1" or "yes" or "true" => true, "0" or "no" or "false" => false, _ => null },
        Text(query["model"]),
        Text(query["channel"]));

    public DecisionQuery ToQuery(int limit, int offset = 0) => new()
    {
        From = From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        To = To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        Flag = Flag,
        ModelVersion = ModelVersion,
        Channel = Channel,
        Limit = limit,
        Offset = offset,
    };

    /// <summary>The query string that reproduces this filter (without a leading '?').</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("flag", Flag switch { true => "1", false => "0", null => null });
        Add("model", ModelVersion);
        Add("channel", Channel);
        return string.Join('&', parts);
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
