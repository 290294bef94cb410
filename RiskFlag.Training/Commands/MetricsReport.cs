using RiskFlag.Core.Bundle;
using RiskFlag.Core.Evaluation;

namespace RiskFlag.Training.Commands;

/// <summary>Prints grouped and random-split metrics side by side, so the memorisation gap is plain.</summary>
public static class MetricsReport
{
    public static void Write(TextWriter output, ModelBundle bundle)
    {
        var m = bundle.Metrics;
        output.WriteLine();
        output.WriteLine($"{"metric",-12} {"grouped",10} {"random",10}   (grouped = unseen applicants; random = naive row split)");
        Row(output, "ROC AUC", m.Grouped.RocAuc, m.Random.RocAuc);
        Row(output, "PR AUC", m.Grouped.PrAuc, m.Random.PrAuc);
        Row(output, "log loss", m.Grouped.LogLoss, m.Random.LogLoss);
        Row(output, "Brier", m.Grouped.Brier, m.Random.Brier);
        Row(output, "accuracy", m.Grouped.Accuracy, m.Random.Accuracy);
        Row(output, "precision", m.Grouped.Precision, m.Random.Precision);
        Row(output, "recall", m.Grouped.Recall, m.Random.Recall);
        Row(output, "F1", m.Grouped.F1, m.Random.F1);
        Row(output, "threshold", m.Grouped.Threshold, m.Random.Threshold);
        output.WriteLine($"confusion (grouped): {Describe(m.Grouped.Confusion)}");
        output.WriteLine($"confusion (random):  {Describe(m.Random.Confusion)}");
        output.WriteLine($"trees {bundle.Manifest.Trees} (best iteration {m.BestIteration} of at most {m.RoundsLimit}); " +
            $"train rows {m.TrainRows:N0}, validation rows {m.ValidationRows:N0} ({m.ValidationApplicants:N0} applicants)");
    }

    public static void WriteSingle(TextWriter output, BinaryMetrics metrics)
    {
        output.WriteLine($"ROC AUC {metrics.RocAuc:0.0000}  PR AUC {metrics.PrAuc:0.0000}  log loss {metrics.LogLoss:0.0000}  Brier {metrics.Brier:0.0000}");
        output.WriteLine($"accuracy {metrics.Accuracy:0.0000}  precision {metrics.Precision:0.0000}  recall {metrics.Recall:0.0000}  F1 {metrics.F1:0.0000}  at threshold {metrics.Threshold:0.0000}");
        output.WriteLine($"confusion: {Describe(metrics.Confusion)}");
    }

    private static void Row(TextWriter output, string name, double grouped, double random) =>
        output.WriteLine($"{name,-12} {grouped,10:0.0000} {random,10:0.0000}");

    private static string Describe(ConfusionMatrix c) =>
        $"TP {c.TruePositives:N0}  FP {c.FalsePositives:N0}  TN {c.TrueNegatives:N0}  FN {c.FalseNegatives:N0}";
}
