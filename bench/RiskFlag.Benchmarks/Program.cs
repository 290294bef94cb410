using System.Diagnostics;
using RiskFlag.Core.Parsing;
using RiskFlag.Core.Scoring;

// Stage timings for the scoring path: where does a 50k-row predict spend its time?
var model = args[0];
var input = args[1];
var sw = Stopwatch.StartNew();
var scorer = RiskScorer.Load(model);
Console.WriteLine($"load bundle            {sw.Elapsed.TotalMilliseconds,8:0.0} ms");
for (var round = 0; round < 3; round++)
{
    sw.Restart();
    var read = ApplicantFileReader.Read(input);
    var parse = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    foreach (var r in read.Records)
    {
        scorer.Score(r.Applicant, Explanation.None);
    }

    var none = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    foreach (var r in read.Records)
    {
        scorer.Score(r.Applicant, Explanation.Approximate);
    }

    var approx = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    using (var source = File.OpenRead(input))
    {
        new BatchScorer(scorer).Score(source, Stream.Null, BatchOutput.IdOnly);
    }

    var batch = sw.Elapsed.TotalMilliseconds;
    Console.WriteLine($"round {round}: parse {parse,7:0.0} ms  score {none,7:0.0} ms  score+approx {approx,7:0.0} ms  batch end-to-end {batch,7:0.0} ms  ({read.Records.Count} rows)");
}
