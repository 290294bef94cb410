using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Core.Decisions;
using RiskFlag.Core.Parsing;
using RiskFlag.Web.Decisions;

namespace RiskFlag.Web.Pages;

/// <summary>
/// The decision log: search by date range, flag, model version and channel, a page at a time; export as CSV. Pages
/// are found from a cursor in the link ("older than" / "newer than" a decision), never by counting rows from the
/// top, so the deepest page costs what the first one does.
/// </summary>
public sealed class DecisionsModel(IDecisionLogStore store, DecisionLog log) : PageModel
{
    public const int PageSize = 50;

    public DecisionFilter Filter { get; private set; } = DecisionFilter.None;

    public IReadOnlyList<DecisionRecord> Decisions { get; private set; } = [];

    /// <summary>Filter values that could not be read; the page says so and searches without them.</summary>
    public IReadOnlyList<string> FilterProblems { get; private set; } = [];

    public long Total { get; private set; }

    public DecisionCursor? Older { get; private set; }

    public DecisionCursor? Newer { get; private set; }

    public bool LoggingEnabled => log.Enabled;

    public long Refused => log.Writer?.Dropped ?? 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = DecisionFilter.FromQuery(Request.Query, out var problems);
        var found = problems.ToList();
        var before = Cursor("before", found);
        var after = before is null ? Cursor("after", found) : null;
        FilterProblems = found;
        Total = await store.CountAsync(Filter.ToQuery(1), cancellationToken);
        var page = await store.PageAsync(Filter.ToQuery(PageSize, before, after), cancellationToken);
        (Decisions, Older, Newer) = (page.Records, page.Older, page.Newer);
    }

    public string PageLink(string direction, DecisionCursor? cursor)
    {
        var query = Filter.ToQueryString();
        var place = cursor is { } c ? $"{direction}={c}" : string.Empty;
        var separator = query.Length > 0 && place.Length > 0 ? "&" : string.Empty;
        return $"/Decisions?{query}{separator}{place}";
    }

    public string ExportLink => $"/decisions/export.csv?{Filter.ToQueryString()}";

    private DecisionCursor? Cursor(string name, List<string> problems)
    {
        var value = Request.Query[name].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DecisionCursor.TryParse(value.Trim(), out var cursor))
        {
            return cursor;
        }

        problems.Add($"{name}: \"{InputExcerpt.Of(value, 40)}\" is not a place in the log (follow the Older and Newer links); showing the newest decisions");
        return null;
    }
}
