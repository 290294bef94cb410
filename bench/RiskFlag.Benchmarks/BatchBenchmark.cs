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
        Console.WriteLine($"load bundle {clock.Elapsed.TotalMilliseconds,8:0.0} ms ({scorer.Ensemble.TreeCount} trees, {scorer.Pipeline.Width} features)");
        for (var round = 0; round < 5; round++)
        {
            clock.Restart();
            var read = ApplicantFileReader.Read(input);
            var parse = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            foreach (var record in read.Records)
            {
                scorer.Score(record.Applicant, Explanation.None);
            }

            var score = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            foreach (var record in read.Records)
            {
                scorer.Score(record.Applicant, Explanation.Approximate);
            }

            var explained = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            using (var source = File.OpenRead(input))
            {
                new BatchScorer(scorer).Score(source, Stream.Null, BatchOutput.AllInputColumns);
            }

            var batch = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"round {round}: {read.Records.Count} rows  parse {parse,6:0} ms  score {score,6:0} ms  " +
                $"score+factors {explained,6:0} ms  file→scored file {batch,6:0} ms");
        }

        return 0;
    }
}
