using System.CommandLine;
using System.Diagnostics;

using RiskFlag.Core.IO;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Training.Commands;

/// <summary>`predict`: scores every valid row of a file; bad rows are listed, never dropped silently.</summary>
public static class PredictCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var model = new Option<FileInfo>("--model") { Description = "risk-model.zip", DefaultValueFactory = _ => new FileInfo(Path.Combine("artifacts", "risk-model.zip")) };
        var input = new Option<FileInfo>("--input") { Description = "Applicant file, CSV or JSON", Required = true };
        var file = new Option<FileInfo>("--output") { Description = "Scored CSV to write", Required = true };
        var command = new Command("predict", "Score applicants with a model bundle") { model, input, file };
        command.SetAction(result => CommandRunner.Run(error, () =>
        {
            var stopwatch = Stopwatch.StartNew();
            var scorer = RiskScorer.Load(result.GetValue(model)!.FullName);
            var inputPath = result.GetValue(input)!.FullName;
            if (!File.Exists(inputPath))
            {
                throw ApplicantFileReader.NotFound(inputPath);
            }

            BatchSummary summary = default!;
            var outputPath = result.GetValue(file)!.FullName;
            using (var source = File.OpenRead(inputPath))
            {
                AtomicFile.Write(outputPath, target => summary = new BatchScorer(scorer).Score(source, target));
            }

            output.WriteLine($"scored {summary.Scored:N0} of {summary.Read:N0} rows ({summary.Flagged:N0} flagged) with model {scorer.ModelVersion} in {stopwatch.Elapsed.TotalSeconds:0.000} s → {outputPath}");
            if (summary.Errors.Count > 0)
            {
                error.WriteLine($"{summary.Rejected:N0} rows rejected:");
                foreach (var problem in summary.Errors.Take(50))
                {
                    error.WriteLine($"  {problem}");
                }

                if (summary.Errors.Count > 50)
                {
                    error.WriteLine($"  … and {summary.Errors.Count - 50:N0} more");
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
