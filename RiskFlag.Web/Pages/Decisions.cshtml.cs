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

    public long Total { get; private set; }

    /// <summary>1-based.</summary>
    public int PageNumber { get; private set; } = 1;

    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool LoggingEnabled => log.Enabled;

    public long Dropped => log.Writer?.Dropped ?? 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = DecisionFilter.FromQuery(Request.Query);
        PageNumber = int.TryParse(Request.Query["page"], out var page) && page > 0 ? page : 1;
        Total = await store.CountAsync(Filter.ToQuery(1), cancellationToken);
        Decisions = await store.SearchAsync(Filter.ToQuery(PageSize, (PageNumber - 1) * PageSize), cancellationToken);
    }

    public string PageLink(int page)
    {
        var query = Filter.ToQueryString();
        return $"/Decisions?{query}{(query.Length > 0 ? "&" : string.Empty)}page={page}";
    }

    public string ExportLink => $"/decisions/export.csv?{Filter.ToQueryString()}";
}
