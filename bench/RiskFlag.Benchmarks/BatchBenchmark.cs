using System.Diagnostics;

using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

namespace RiskFlag.Benchmarks;

/// <summary>Where a batch prediction spends its time, cold (first round) and warm.</summary>
public static class BatchBenchmark
{
    public static int Run(string model, string input)
    {
        var clock = Stopwatch.StartNew();
        var scorer = RiskScorer.Load(model);
        Console.WriteLine($"load model zip {clock.Elapsed.TotalMilliseconds,8:0.0} ms ({scorer.Model.Explainer.TreeCount} trees, {scorer.Model.Schema.Width} features)");
        for (var round = 0; round < 5; round++)
        {
            clock.Restart();
            var read = ApplicantFileReader.Read(input);
            var parse = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            foreach (var record in read.Records)
            {
                scorer.Score(record.Applicant);
            }

            var explained = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            using (var source = File.OpenRead(input))
            {
                new BatchScorer(scorer).Score(source, Stream.Null);
            }

            var batch = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"round {round}: {read.Records.Count} rows  parse {parse,6:0} ms  " +
                $"score + exact factors (one thread) {explained,6:0} ms  file→scored file (all cores) {batch,6:0} ms");
        }

        return 0;
    }
}
