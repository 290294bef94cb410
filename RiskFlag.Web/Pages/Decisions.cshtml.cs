using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Core.Decisions;
using RiskFlag.Web.Decisions;

namespace RiskFlag.Web.Pages;

/// <summary>The decision log: search by date range, flag, model version and channel, a page at a time; export as CSV.</summary>
public sealed class DecisionsModel(IDecisionLogStore store, DecisionLog log) : PageModel
{
    public const int PageSize = 50;

    public DecisionFilter Filter { get; private set; } = DecisionFilter.None;

    public IReadOnlyList<DecisionRecord> Decisions { get; private set; } = [];

    /// <summary>Filter values that could not be read; the page says so and searches without them.</summary>
    public IReadOnlyList<string> FilterProblems { get; private set; } = [];

    public long Total { get; private set; }

    /// <summary>1-based.</summary>
    public int PageNumber { get; private set; } = 1;

    public int PageCount => (int)Math.Clamp((Total + PageSize - 1) / PageSize, 1, int.MaxValue);

    public bool LoggingEnabled => log.Enabled;

    public long Dropped => log.Writer?.Dropped ?? 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = DecisionFilter.FromQuery(Request.Query, out var problems);
        FilterProblems = problems;
        var asked = int.TryParse(Request.Query["page"], out var page) && page > 0 ? page : 1;
        Total = await store.CountAsync(Filter.ToQuery(1), cancellationToken);
        // Past the last page shows the last page: the offset then stays within the log (and within an int).
        PageNumber = Math.Min(asked, PageCount);
        Decisions = await store.SearchAsync(Filter.ToQuery(PageSize, (int)Math.Min(int.MaxValue, (PageNumber - 1L) * PageSize)), cancellationToken);
    }

    public string PageLink(int page)
    {
        var query = Filter.ToQueryString();
        return $"/Decisions?{query}{(query.Length > 0 ? "&" : string.Empty)}page={page}";
    }

    public string ExportLink => $"/decisions/export.csv?{Filter.ToQueryString()}";
}
