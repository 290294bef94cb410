using System.CommandLine;
using RiskFlag.Training.Commands;

var root = new RootCommand("RiskFlag training: generate data, train and evaluate risk models, score files");
root.Subcommands.Add(GenerateCommand.Create(Console.Out, Console.Error));
root.Subcommands.Add(TrainCommand.Create(Console.Out, Console.Error));
root.Subcommands.Add(EvaluateCommand.Create(Console.Out, Console.Error));
root.Subcommands.Add(PredictCommand.Create(Console.Out, Console.Error));
return root.Parse(args).Invoke();
