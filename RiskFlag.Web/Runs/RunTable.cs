using RiskFlag.Core.Tracking;

namespace RiskFlag.Web.Runs;

/// <summary>Which metrics the runs table shows side by side, and how it sorts by a column named in the query string.</summary>
public static class RunTable
{
    public const string StartColumn = "start";
    public const string NameColumn = "name";

    public static readonly IReadOnlyList<string> KeyMetrics =
    [
        "grouped_roc_auc", "grouped_pr_auc", "grouped_log_loss", "grouped_brier", "random_roc_auc", "roc_auc_gap",
        "threshold", "best_iteration", "training_seconds", "data_rows",
    ];

    private static readonly Dictionary<string, string> Headings = new(StringComparer.Ordinal)
    {
        ["grouped_roc_auc"] = "ROC AUC (grouped)",
        ["grouped_pr_auc"] = "PR AUC (grouped)",
        ["grouped_log_loss"] = "Log loss (grouped)",
        ["grouped_brier"] = "Brier (grouped)",
        ["random_roc_auc"] = "ROC AUC (random split)",
        ["roc_auc_gap"] = "AUC gap",
        ["threshold"] = "Threshold",
        ["best_iteration"] = "Trees",
        ["training_seconds"] = "Seconds",
        ["data_rows"] = "Rows",
    };

    /// <summary>The column heading people read; the metric's recorded name stays in the sort link and the tooltip.</summary>
    public static string Heading(string metric) => Headings.GetValueOrDefault(metric, metric);

    /// <summary>Unknown columns sort by start time; runs without the metric go last either way.</summary>
    public static IReadOnlyList<RunInfo> Sort(IEnumerable<RunInfo> runs, string? column, bool descending)
    {
        var withMetrics = runs.Select(r => (Run: r, Metrics: r.Metrics)).ToList();
        IEnumerable<(RunInfo Run, IReadOnlyDictionary<string, double> Metrics)> sorted = column switch
        {
            NameColumn => descending ? withMetrics.OrderByDescending(r => r.Run.RunName, StringComparer.Ordinal) : withMetrics.OrderBy(r => r.Run.RunName, StringComparer.Ordinal),
            { } metric when KeyMetrics.Contains(metric) => withMetrics
                .OrderBy(r => r.Metrics.ContainsKey(metric) ? 0 : 1)
                .ThenBy(r => r.Metrics.TryGetValue(metric, out var value) ? (descending ? -value : value) : 0),
            _ => descending ? withMetrics.OrderByDescending(r => r.Run.StartTime) : withMetrics.OrderBy(r => r.Run.StartTime),
        };
        return [.. sorted.Select(r => r.Run)];
    }
}
