using Microsoft.AspNetCore.Mvc.RazorPages;

using RiskFlag.Core.Evaluation;
using RiskFlag.Web.Serving;

namespace RiskFlag.Web.Pages;

/// <summary>What is serving, how good it is, and what happened at the recent reloads.</summary>
public sealed class ModelModel(RiskEnginePool pool) : PageModel
{
    public ServedRiskModel? Serving { get; private set; }

    public string ModelPath => Champion.Path;

    public IReadOnlyList<ReloadEvent> History { get; private set; } = [];

    public int RejectedCount => Champion.History.RejectedCount;

    private ModelSlot<Core.Model.ApplicantInput, Core.Model.RiskPrediction> Champion => pool.Slot(ModelNames.Champion);

    /// <summary>The rows of the metrics table: a name and how to read the value from one split's metrics.</summary>
    public static IReadOnlyList<(string Name, Func<BinaryMetrics, string> Value)> MetricRows { get; } =
    [
        ("ROC AUC", m => m.RocAuc.ToString("0.0000")),
        ("PR AUC", m => m.PrAuc.ToString("0.0000")),
        ("Log loss", m => m.LogLoss.ToString("0.0000")),
        ("Brier score", m => m.Brier.ToString("0.0000")),
        ("Accuracy", m => m.Accuracy.ToString("P1")),
        ("Precision", m => m.Precision.ToString("P1")),
        ("Recall", m => m.Recall.ToString("P1")),
        ("F1", m => m.F1.ToString("0.0000")),
        ("Threshold", m => m.Threshold.ToString("0.0000")),
        ("Validation rows (every copy)", m => m.Rows.ToString("N0")),
        ("Positive rows", m => m.Positives.ToString("N0")),
    ];

    public void OnGet()
    {
        Serving = Champion.Current;
        History = Champion.History.Recent();
    }
}
