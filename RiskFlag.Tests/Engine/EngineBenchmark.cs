using System.Diagnostics;

using RiskFlag.Core.Engine;

using Xunit.Abstractions;

namespace RiskFlag.Tests.Engine;

/// <summary>
/// Rough per-row costs of the managed evaluator and the native library, for docs/engine.md. Run in Release:
/// RISKFLAG_ENGINE_BENCHMARK=1 dotnet test -c Release --filter FullyQualifiedName~EngineBenchmark --logger "console;verbosity=detailed"
/// Each figure is the best of a few timed runs, which filters out noise from other work on the machine.
/// </summary>
[Collection(TrainedModelCollectionDefinition.Name)]
public sealed class EngineBenchmark(TrainedModelFixture model, ITestOutputHelper output)
{
    private const int BatchRows = 50_000;
    private const int SingleRowCalls = 20_000;
    private const int Repetitions = 3;

    // Exact SHAP costs tenths of a millisecond per row; fewer rows keep the run to a minute or two.
    private const int ExactRows = 5_000;

    [BenchmarkFact]
    public void MeasureCostPerRow()
    {
        LabeledRows batch = SyntheticCreditData.Generate(BatchRows, seed: 99);
        TreeEnsemble ensemble = model.Ensemble;
        Booster booster = model.Booster;
        var contributions = new double[ensemble.FeatureCount + 1];
        output.WriteLine($"Model: {ensemble.TreeCount} trees, max_depth {TrainedModelFixture.Parameters["max_depth"]}, {ensemble.FeatureCount} features; {Environment.ProcessorCount} cores.");

        output.WriteLine("Single rows (one call per row):");
        PerCall("managed predict", SingleRowCalls, i => ensemble.PredictProbability(batch.Row(i % 64)));
        PerCall("managed approx contributions", SingleRowCalls, i => ensemble.ApproximateContributions(batch.Row(i % 64), contributions));
        PerCall("managed exact contributions", ExactRows / 5, i => ensemble.ExactContributions(batch.Row(i % 64), contributions));
        PerCall("native predict (PredictDense, 1 row)", SingleRowCalls / 10, i => booster.PredictDense(batch.Row(i % 64), 1, batch.Columns));

        output.WriteLine($"Batches ({BatchRows:N0} rows; exact contributions {ExactRows:N0}):");
        PerCall("managed predict", BatchRows, i => ensemble.PredictProbability(batch.Row(i)));
        PerCall("managed approx contributions", BatchRows, i => ensemble.ApproximateContributions(batch.Row(i), contributions));
        PerCall("managed exact contributions", ExactRows, i => ensemble.ExactContributions(batch.Row(i), contributions));
        using DMatrix matrix = DMatrix.FromDense(batch.Features, BatchRows, batch.Columns);
        using DMatrix exactMatrix = DMatrix.FromDense(batch.Features.AsSpan(0, ExactRows * batch.Columns), ExactRows, batch.Columns);
        PerBatch("native predict (DMatrix)", BatchRows, () => booster.Predict(matrix));
        PerBatch("native predict (PredictDense)", BatchRows, () => booster.PredictDense(batch.Features, BatchRows, batch.Columns));
        PerBatch("native approx contributions (DMatrix)", BatchRows, () => booster.PredictContributions(matrix, approximate: true));
        PerBatch("native exact contributions (DMatrix)", ExactRows, () => booster.PredictContributions(exactMatrix, approximate: false));
    }

    private void PerCall(string name, int calls, Action<int> score)
    {
        // Run long enough for tiered compilation to replace the tier-0 code before timing.
        var warmUp = Stopwatch.StartNew();
        for (int i = 0; warmUp.ElapsedMilliseconds < 500; i++)
        {
            score(i % calls);
        }

        PerBatch(name, calls, () =>
        {
            for (int i = 0; i < calls; i++)
            {
                score(i);
            }
        });
    }

    private void PerBatch(string name, int rows, Action run)
    {
        run();
        TimeSpan best = TimeSpan.MaxValue;
        for (int repetition = 0; repetition < Repetitions; repetition++)
        {
            var clock = Stopwatch.StartNew();
            run();
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, clock.Elapsed.Ticks));
        }

        output.WriteLine($"  {name,-40} {best.TotalNanoseconds / rows,12:N0} ns/row");
    }
}
