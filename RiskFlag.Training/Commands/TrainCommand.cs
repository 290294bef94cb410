using System.CommandLine;
using System.Text.Json;

using RiskFlag.Core.Bundle;
using RiskFlag.Core.IO;
using RiskFlag.Training.Pipeline;

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
        var command = new Command("train", "Train, evaluate honestly and write a versioned model bundle") { data, parameters, artifacts };
        command.SetAction(result => CommandRunner.Run(error, () =>
        {
            var settings = TrainingParameters.Load(result.GetValue(parameters)?.FullName ?? DefaultParamsPath);
            var files = result.GetValue(data)!.Select(f => f.FullName).ToList();
            var bundle = new ModelTrainer(settings, output).Train(files);
            var paths = BundlePublisher.Publish(bundle, result.GetValue(artifacts)!.FullName);
            MetricsReport.Write(output, bundle);
            output.WriteLine($"model version {bundle.Manifest.Version}");
            output.WriteLine($"bundle: {paths.BundlePath}");
            output.WriteLine($"copy:   {paths.VersionDirectory}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary>Writes the served bundle and keeps a browsable copy of every run under models/&lt;version&gt;/.</summary>
public static class BundlePublisher
{
    public sealed record Paths(string BundlePath, string VersionDirectory);

    public static Paths Publish(ModelBundle bundle, string artifactsDirectory)
    {
        var versionDirectory = Path.Combine(artifactsDirectory, "models", bundle.Manifest.Version);
        ModelBundleWriter.Write(bundle, Path.Combine(versionDirectory, ModelBundle.FileName));
        AtomicFile.WriteAllText(Path.Combine(versionDirectory, "metrics.json"), JsonSerializer.Serialize(bundle.Metrics, BundleJson.Options));
        foreach (var (name, svg) in bundle.Plots)
        {
            AtomicFile.WriteAllText(Path.Combine(versionDirectory, "plots", name), svg);
        }

        var bundlePath = Path.Combine(artifactsDirectory, ModelBundle.FileName);
        ModelBundleWriter.Write(bundle, bundlePath);
        return new Paths(bundlePath, versionDirectory);
    }
}
