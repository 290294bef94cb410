using System.CommandLine;

using RiskFlag.Core.Bundle;
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

            var metrics = BinaryClassificationEvaluator.Evaluate(probabilities, labels, [], scorer.Threshold);
            MetricsReport.WriteSingle(output, metrics);
            WriteComparison(output, metrics, scorer.Model.Bundle.Metrics);
            return ExitCodes.Ok;
        }));
        return command;
    }

    // A file from the same source as the training data shares applicants with it (the generator and real application
    // logs repeat applicants), and a model scores applicants it was fitted on better than new ones. The training run's
    // grouped figure is the estimate for applicants never seen; say so next to this file's figure.
    private static void WriteComparison(TextWriter output, BinaryMetrics metrics, ModelMetrics training)
    {
        if (!double.IsFinite(metrics.RocAuc))
        {
            return;
        }

        output.WriteLine($"training: grouped ROC AUC {training.Grouped.RocAuc:0.0000} (applicants never seen in training), random-split ROC AUC {training.Random.RocAuc:0.0000} (rows of seen applicants)");
        if (metrics.RocAuc > training.Grouped.RocAuc + 0.02)
        {
            output.WriteLine(
                $"note: ROC AUC here is {metrics.RocAuc - training.Grouped.RocAuc:0.000} above the grouped figure: this file probably contains applicants " +
                "the model was trained on, which it scores better than new ones. For new applicants expect the grouped figure, or evaluate on applicants absent from the training data.");
        }
    }
}
