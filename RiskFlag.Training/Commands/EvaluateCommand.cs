using System.CommandLine;

using RiskFlag.Core.Evaluation;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;
using RiskFlag.Training.Pipeline;

namespace RiskFlag.Training.Commands;

/// <summary>`evaluate`: scores a labelled file with a bundle and prints its metrics at the bundle's threshold.</summary>
public static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var model = new Option<FileInfo>("--model") { Description = "risk-model.zip", Required = true };
        var data = new Option<FileInfo>("--data") { Description = "Labelled applicant file, CSV or JSON", Required = true };
        var command = new Command("evaluate", "Measure a model bundle on labelled data") { model, data };
        command.SetAction(result => CommandRunner.Run(error, () =>
        {
            var scorer = RiskScorer.Load(result.GetValue(model)!.FullName);
            var read = ApplicantFileReader.Read(result.GetValue(data)!.FullName);
            if (!read.HasLabels)
            {
                throw new TrainingDataException("the data has no Risk_Flag column; evaluation needs labels");
            }

            var probabilities = new float[read.Records.Count];
            var labels = new float[read.Records.Count];
            Parallel.For(0, probabilities.Length, i =>
            {
                probabilities[i] = (float)scorer.Score(read.Records[i].Applicant).Probability;
                labels[i] = read.Records[i].Label!.Value;
            });

            output.WriteLine($"model {scorer.ModelVersion}: {read.Records.Count:N0} rows scored, {read.RejectedRows:N0} rejected");
            foreach (var problem in read.Errors.Take(10))
            {
                output.WriteLine($"  rejected: {problem}");
            }

            MetricsReport.WriteSingle(output, BinaryClassificationEvaluator.Evaluate(probabilities, labels, [], scorer.Threshold));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
