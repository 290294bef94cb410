using System.Globalization;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Parsing;

namespace RiskFlag.Web.Decisions;

/// <summary>
/// The Decisions page's filters as they travel in the query string (from, to, flag, model, channel), shared by the
/// page and its CSV export so both always select the same rows. Dates are UTC days; "to" includes its day.
/// </summary>
public sealed record DecisionFilter(DateOnly? From, DateOnly? To, bool? Flag, string? ModelVersion, string? Channel)
{
    public static readonly DecisionFilter None = new(null, null, null, null, null);

    /// <param name="problems">One sentence per filter value that could not be read (that filter is then not applied).</param>
    public static DecisionFilter FromQuery(IQueryCollection query, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var filter = new DecisionFilter(
            Date(query["from"], "from", found),
            Date(query["to"], "to", found),
            FlagOf(query["flag"], found),
            Text(query["model"]),
            Text(query["channel"]));
        problems = found;
        return filter;
    }

    public DecisionQuery ToQuery(int limit, DecisionCursor? before = null, DecisionCursor? after = null) => new()
    {
        From = From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        // "to" includes its day: the bound is the next midnight, and the last representable day has no bound at all.
        To = To is { } to && to < DateOnly.MaxValue ? to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
        Flag = Flag,
        ModelVersion = ModelVersion,
        Channel = Channel,
        Limit = limit,
        Before = before,
        After = after,
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

    private static DateOnly? Date(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{name}: \"{InputExcerpt.Of(value, 40)}\" is not a date (expected YYYY-MM-DD)");
        return null;
    }

    private static bool? FlagOf(string? value, List<string> problems)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "1" or "yes" or "true":
                return true;
            case "0" or "no" or "false":
                return false;
            default:
                problems.Add($"flag: \"{InputExcerpt.Of(value, 40)}\" is not a flag (expected 1 for high risk or 0 for low risk)");
                return null;
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
