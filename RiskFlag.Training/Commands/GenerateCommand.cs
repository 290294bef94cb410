using System.CommandLine;
using System.Diagnostics;
using System.Text;

using RiskFlag.Core.IO;
using RiskFlag.Training.Synthetic;

namespace RiskFlag.Training.Commands;

/// <summary>`generate`: writes synthetic applicants in the Kaggle schema.</summary>
public static class GenerateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var rows = new Option<int>("--rows") { Description = "Rows to write", DefaultValueFactory = _ => 252_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same file)", DefaultValueFactory = _ => 42 };
        var file = new Option<FileInfo>("--out") { Description = "CSV file to write", Required = true };
        var process = new Option<RiskProcessKind>("--risk-process") { Description = "Risk process behind the labels: additive or interacting", DefaultValueFactory = _ => RiskProcessKind.Additive };
        var command = new Command("generate", "Write synthetic labelled applicants (Kaggle schema) for training and tests") { rows, seed, file, process };
        command.SetAction(result => CommandRunner.Run(error, () =>
        {
            var count = result.GetValue(rows);
            if (count <= 0)
            {
                error.WriteLine("error: --rows must be positive");
                return ExitCodes.BadArguments;
            }

            var path = result.GetValue(file)!.FullName;
            var stopwatch = Stopwatch.StartNew();
            AtomicFile.Write(path, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                new SyntheticApplicantGenerator(result.GetValue(seed), result.GetValue(process)).WriteCsv(writer, count);
            });
            output.WriteLine($"wrote {count:N0} rows to {path} in {stopwatch.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
