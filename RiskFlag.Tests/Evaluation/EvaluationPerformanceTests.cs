using System.Diagnostics;

using RiskFlag.Core.Evaluation;

using Xunit.Abstractions;

namespace RiskFlag.Tests.Evaluation;

public class EvaluationPerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void EvaluateHandlesAValidationSetOf250kRowsQuickly()
    {
        (float[] scores, float[] labels) = ClassifierSamples.Random(250_000, seed: 51, signal: 0.8, decimals: 6, positiveRate: 0.12);
        float[] weights = ClassifierSamples.CopyCounts(scores.Length, seed: 51);
        BinaryClassificationEvaluator.Evaluate(scores, labels, weights, 0.5);

        Stopwatch stopwatch = Stopwatch.StartNew();
        BinaryMetrics metrics = BinaryClassificationEvaluator.Evaluate(scores, labels, weights, 0.5);
        stopwatch.Stop();

        output.WriteLine($"Evaluate on 250k rows: {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.InRange(metrics.RocAuc, 0.5, 1.0);
        // Generous bound so a busy build agent does not fail it; a quadratic or repeated-sort regression still would.
        Assert.InRange(stopwatch.Elapsed.TotalMilliseconds, 0.0, 1_000.0);
    }
}
