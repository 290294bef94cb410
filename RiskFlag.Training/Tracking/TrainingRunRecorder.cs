using System.Globalization;
using System.Text.Json;

using RiskFlag.Core.Bundle;
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
        var b = p.Boosting;
        yield return ("boosting.learning_rate", b.LearningRate.ToString(c));
        yield return ("boosting.leaves", b.Leaves.ToString(c));
        yield return ("boosting.max_depth", b.MaxDepth.ToString(c));
        yield return ("boosting.min_rows_per_leaf", b.MinRowsPerLeaf.ToString(c));
        yield return ("boosting.min_hessian_per_leaf", b.MinHessianPerLeaf.ToString(c));
        yield return ("boosting.l1", b.L1.ToString(c));
        yield return ("boosting.l2", b.L2.ToString(c));
        yield return ("boosting.feature_fraction", b.FeatureFraction.ToString(c));
        yield return ("boosting.bagging_fraction", b.BaggingFraction.ToString(c));
        yield return ("boosting.bagging_frequency", b.BaggingFrequency.ToString(c));
        yield return ("boosting.max_bins", b.MaxBins.ToString(c));
        yield return ("boosting.seed", b.Seed.ToString(c));
    }
}
