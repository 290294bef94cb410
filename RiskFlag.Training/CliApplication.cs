using System.CommandLine;

using RiskFlag.Training.Commands;

namespace RiskFlag.Training;

/// <summary>The command tree, separate from Program so tests run it with their own writers.</summary>
public static class CliApplication
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("RiskFlag training: generate data, train and evaluate risk models, score files");
        root.Subcommands.Add(GenerateCommand.Create(output, error));
        root.Subcommands.Add(TrainCommand.Create(output, error));
        root.Subcommands.Add(EvaluateCommand.Create(output, error));
        root.Subcommands.Add(PredictCommand.Create(output, error));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"error: {problem.Message}");
            }

            return ExitCodes.BadArguments;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
