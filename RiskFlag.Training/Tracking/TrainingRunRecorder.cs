using System.Globalization;
using System.Text.Json;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.Engine;
using RiskFlag.Core.Evaluation;
using RiskFlag.Core.Tracking;
using RiskFlag.Training.Commands;
using RiskFlag.Training.Pipeline;

namespace RiskFlag.Training.Tracking;

/// <summary>Records one `train` invocation: params up front, metrics and artifacts when it succeeds.</summary>
public static class TrainingRunRecorder
{
    public static TrackedRun Start(MlflowFileStore store, TrainingParameters parameters, IReadOnlyList<string> files)
    {
        AbandonedRuns.MarkFailed(store);
        var experiment = store.EnsureExperiment(MlflowFileStore.DefaultExperiment);
        var run = store.StartRun(experiment, $"train-{DateTime.UtcNow:yyyyMMdd-HHmmss}", RunTags.Current($"train-{DateTime.UtcNow:yyyyMMdd-HHmmss}"));
        foreach (var (key, value) in Flatten(parameters))
        {
            run.LogParam(key, value);
        }

        run.LogParam("data_files", string.Join(";", files.Select(Path.GetFileName)));
        return run;
    }

    public static void RecordRound(TrackedRun run, string split, TrainingProgress progress)
    {
        if (progress.ValidationScore is { } score)
        {
            run.LogMetric($"{split}_validation_logloss", score, progress.Round);
        }
    }

    public static void Complete(TrackedRun run, ModelBundle bundle, BundlePublisher.Paths paths)
    {
        run.Rename(bundle.Manifest.Version);
        run.SetTag("riskflag.model_version", bundle.Manifest.Version);
        run.SetTag("riskflag.data_sha256", bundle.Manifest.Data.Sha256);
        var m = bundle.Metrics;
        LogMetrics(run, "grouped", m.Grouped);
        LogMetrics(run, "random", m.Random);
        run.LogMetric("roc_auc_gap", m.RocAucGap);
        run.LogMetric("threshold", bundle.Manifest.Threshold);
        run.LogMetric("best_iteration", m.BestIteration);
        run.LogMetric("training_seconds", m.TrainingSeconds);
        run.LogMetric("data_rows", bundle.Manifest.Data.Rows);
        run.LogMetric("data_distinct_applicants", bundle.Manifest.Data.DistinctApplicants);
        run.LogMetric("data_rejected_rows", bundle.Manifest.Data.RejectedRows);

        run.LogArtifact(Path.Combine(paths.VersionDirectory, ModelBundle.FileName), ModelBundle.FileName);
        run.LogArtifactText("metrics.json", JsonSerializer.Serialize(m, BundleJson.Options));
        foreach (var (name, svg) in bundle.Plots)
        {
            run.LogArtifactText($"plots/{name}", svg);
        }

        run.Finish();
    }

    private static void LogMetrics(TrackedRun run, string split, BinaryMetrics metrics)
    {
        run.LogMetric($"{split}_roc_auc", metrics.RocAuc);
        run.LogMetric($"{split}_pr_auc", metrics.PrAuc);
        run.LogMetric($"{split}_log_loss", metrics.LogLoss);
        run.LogMetric($"{split}_brier", metrics.Brier);
        run.LogMetric($"{split}_accuracy", metrics.Accuracy);
        run.LogMetric($"{split}_precision", metrics.Precision);
        run.LogMetric($"{split}_recall", metrics.Recall);
        run.LogMetric($"{split}_f1", metrics.F1);
    }

    private static IEnumerable<(string Key, string Value)> Flatten(TrainingParameters p)
    {
        var c = CultureInfo.InvariantCulture;
        yield return ("feature_set", p.FeatureSet);
        yield return ("features", string.Join(",", p.SelectedFeatures));
        yield return ("target_encoding.folds", p.TargetEncoding.Folds.ToString(c));
        yield return ("target_encoding.smoothing", p.TargetEncoding.Smoothing.ToString(c));
        yield return ("split.validation_fraction", p.Split.ValidationFraction.ToString(c));
        yield return ("split.seed", p.Split.Seed.ToString(c));
        yield return ("boosting.rounds", p.Boosting.Rounds.ToString(c));
        yield return ("boosting.early_stopping_rounds", p.Boosting.EarlyStoppingRounds.ToString(c));
        yield return ("max_rejected_share", p.MaxRejectedShare.ToString(c));
        foreach (var (key, value) in p.Boosting.Parameters)
        {
            yield return ($"xgboost.{key}", value);
        }
    }
}
