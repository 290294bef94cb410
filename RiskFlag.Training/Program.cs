using RiskFlag.Training;

return CliApplication.Run(args, Console.Out, Console.Error);
