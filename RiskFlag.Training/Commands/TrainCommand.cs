using System.CommandLine;
using System.Text.Json;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.IO;
using RiskFlag.Core.Tracking;
using RiskFlag.Training.Pipeline;
using RiskFlag.Training.Plots;
using RiskFlag.Training.Tracking;

namespace RiskFlag.Training.Commands;

/// <summary>`train`: data files → risk-model.zip in the artifacts folder, plus a per-version copy.</summary>
public static class TrainCommand
{
    public static string DefaultParamsPath => Path.Combine(AppContext.BaseDirectory, "params.json");

    public static Command Create(TextWriter output, TextWriter error)
    {
        var data = new Option<FileInfo[]>("--data") { Description = "Labelled applicant file(s), CSV or JSON", Required = true, AllowMultipleArgumentsPerToken = false };
        var parameters = new Option<FileInfo?>("--params") { Description = "Params file (JSON); default: the params.json shipped with this program" };
        var artifacts = new Option<DirectoryInfo>("--artifacts") { Description = "Output folder", DefaultValueFactory = _ => new DirectoryInfo("artifacts") };
        var tracking = new Option<DirectoryInfo>("--tracking") { Description = "MLflow file store to record the run in", DefaultValueFactory = _ => new DirectoryInfo("mlruns") };
        var noTracking = new Option<bool>("--no-tracking") { Description = "Do not record the run" };
        var command = new Command("train", "Train, evaluate honestly and write a versioned model bundle") { data, parameters, artifacts, tracking, noTracking };
        command.SetAction(result => CommandRunner.Run(error, () =>
        {
            var settings = TrainingParameters.Load(result.GetValue(parameters)?.FullName ?? DefaultParamsPath);
            var files = result.GetValue(data)!.Select(f => f.FullName).ToList();
            using var run = result.GetValue(noTracking)
                ? null
                : TrainingRunRecorder.Start(new MlflowFileStore(result.GetValue(tracking)!.FullName), settings, files);
            TrainedModel trained;
            try
            {
                trained = new ModelTrainer(settings, output, onRound: run is null ? null : (split, p) => TrainingRunRecorder.RecordRound(run, split, p)).Train(files);
            }
            catch (Exception e) when (run is not null)
            {
                run.Fail(e.Message);
                throw;
            }

            var bundle = trained.Bundle;
            var paths = BundlePublisher.Publish(trained, result.GetValue(artifacts)!.FullName);
            if (run is not null)
            {
                TrainingRunRecorder.Complete(run, bundle, paths);
                output.WriteLine($"run {run.RunId} recorded in {result.GetValue(tracking)!.FullName}");
            }

            MetricsReport.Write(output, bundle);
            output.WriteLine($"model version {bundle.Manifest.Version}");
            output.WriteLine($"bundle: {paths.BundlePath}");
            output.WriteLine($"copy:   {paths.VersionDirectory}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary>Writes the served bundle and keeps a browsable copy of every run under models/&lt;version&gt;/ (plots as SVG and PNG).</summary>
public static class BundlePublisher
{
    public sealed record Paths(string BundlePath, string VersionDirectory);

    public static Paths Publish(TrainedModel trained, string artifactsDirectory)
    {
        var bundle = trained.Bundle;
        var versionDirectory = Path.Combine(artifactsDirectory, "models", bundle.Manifest.Version);
        trained.Write(Path.Combine(versionDirectory, ModelBundle.FileName));
        AtomicFile.WriteAllText(Path.Combine(versionDirectory, "metrics.json"), JsonSerializer.Serialize(bundle.Metrics, BundleJson.Options));
        foreach (var (name, svg) in bundle.Plots)
        {
            AtomicFile.WriteAllText(Path.Combine(versionDirectory, "plots", name), svg);
        }

        // PNG copies for READMEs and docs, which cannot always show SVG; only a freshly trained bundle has them.
        if (bundle.Plots is RenderedPlots rendered)
        {
            foreach (var (name, png) in rendered.Png)
            {
                AtomicFile.Write(Path.Combine(versionDirectory, "plots", name), stream => stream.Write(png));
            }
        }


        // A copy of the version's file rather than a second save: the served zip is byte for byte the registered one.
        var bundlePath = Path.Combine(artifactsDirectory, ModelBundle.FileName);
        AtomicFile.Write(bundlePath, stream =>
        {
            using var source = File.OpenRead(Path.Combine(versionDirectory, ModelBundle.FileName));
            source.CopyTo(stream);
        });
        return new Paths(bundlePath, versionDirectory);
    }
}
