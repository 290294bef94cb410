using System.Diagnostics;

using RiskFlag.Core.Model;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Benchmarks;

/// <summary>Per-row cost of each stage of the scoring path on a real model zip: ML.NET engine, TreeSHAP, the whole scorer.</summary>
public static class EngineBenchmark
{
    public static int Run(string model, string input)
    {
        var clock = Stopwatch.StartNew();
        var loaded = RiskModel.Load(model);
        Console.WriteLine($"load model zip {clock.Elapsed.TotalMilliseconds:0.0} ms");
        var scorer = new RiskScorer(loaded);
        var applicants = ApplicantFileReader.Read(input).Records.Select(r => r.Applicant).ToList();
        var rows = applicants.Count;
        var width = loaded.Schema.Width;
        var engine = loaded.CreatePredictionEngine();
        var inputs = applicants.Select(ApplicantInput.From).ToList();
        var output = new RiskPrediction();
        var vectors = inputs.Select(i => engine.Predict(i).Features.ToArray()).ToList();
        var contributions = new double[width];
        Console.WriteLine($"{loaded.Explainer.TreeCount} trees, {width} features, {rows:N0} rows, {Environment.ProcessorCount} cores");

        PerRow("ML.NET prediction engine (features + probability)", rows, i => engine.Predict(inputs[i], ref output));
        PerRow("exact TreeSHAP on the feature vector", rows, i => loaded.Explainer.Explain(vectors[i], contributions));
        PerRow("scorer: probability + exact top 3 (one call)", rows, i => scorer.Score(applicants[i]));
        return 0;
    }

    private static void PerRow(string name, int rows, Action<int> action)
    {
        // Warm up long enough for tiered compilation to reach optimised code.
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.ElapsedMilliseconds < 500; i = (i + 1) % rows)
        {
            action(i);
        }

        var timings = new List<double>();
        for (var repetition = 0; repetition < 5; repetition++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < rows; i++)
            {
                action(i);
            }

            timings.Add(clock.Elapsed.TotalNanoseconds / rows);
        }

        timings.Sort();
        Console.WriteLine($"{name,-52} median {timings[2],8:N0} ns/row  (min {timings[0]:N0}, max {timings[^1]:N0})");
    }
}
