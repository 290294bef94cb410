using System.Diagnostics;

using RiskFlag.Core.Engine;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Benchmarks;

/// <summary>Per-row cost of the managed tree evaluator against the native library, on a real bundle's model.</summary>
public static class EngineBenchmark
{
    public static int Run(string model, string input)
    {
        var scorer = RiskScorer.Load(model);
        var applicants = ApplicantFileReader.Read(input).Records.Select(r => r.Applicant).ToList();
        var width = scorer.Pipeline.Width;
        var features = scorer.Pipeline.TransformMany(applicants);
        var rows = applicants.Count;
        var ensemble = scorer.Ensemble;
        using var booster = Booster.LoadModelJson(scorer.Bundle.ModelJson);
        var contributions = new double[width + 1];
        Console.WriteLine($"{ensemble.TreeCount} trees, {width} features, {rows:N0} rows, {Environment.ProcessorCount} cores");

        PerRow("managed predict", rows, i => ensemble.PredictProbability(features.AsSpan(i * width, width)));
        PerRow("managed approximate contributions", rows, i => ensemble.ApproximateContributions(features.AsSpan(i * width, width), contributions));
        PerRow("managed exact contributions (SHAP)", Math.Min(rows, 5_000), i => ensemble.ExactContributions(features.AsSpan(i * width, width), contributions));
        PerRow("native predict, one row per call", Math.Min(rows, 2_000), i => booster.PredictDense(features.AsSpan(i * width, width), 1, width));
        PerRow("native predict, whole batch in one call", rows, Batch(() => booster.PredictDense(features, rows, width), rows));
        PerRow("feature pipeline (applicant → vector)", rows, i => scorer.Pipeline.Transform(applicants[i]));
        PerRow("scorer, probability + exact top 3", Math.Min(rows, 5_000), i => scorer.Score(applicants[i], Explanation.Exact));
        PerRow("scorer, probability + approximate top 3", rows, i => scorer.Score(applicants[i], Explanation.Approximate));
        return 0;
    }

    // Runs a whole-batch action once per `rows` iterations so PerRow can divide by the row count.
    private static Action<int> Batch(Action action, int rows) => i =>
    {
        if (i % rows == 0)
        {
            action();
        }
    };

    private static void PerRow(string name, int rows, Action<int> action)
    {
        // Warm up long enough for tiered compilation to reach optimised code.
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.ElapsedMilliseconds < 500; i = (i + 1) % rows)
        {
            action(i);
        }

        var best = double.MaxValue;
        for (var repetition = 0; repetition < 3; repetition++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < rows; i++)
            {
                action(i);
            }

            best = Math.Min(best, clock.Elapsed.TotalNanoseconds / rows);
        }

        Console.WriteLine($"{name,-44} {best,12:N0} ns/row");
    }
}
