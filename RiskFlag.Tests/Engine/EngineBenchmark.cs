using System.Diagnostics;

using RiskFlag.Core.Engine;

using Xunit.Abstractions;

namespace RiskFlag.Tests.Engine;

/// <summary>
/// Rough per-row costs of the managed evaluator and the native library, for docs/engine.md. Run in Release:
/// RISKFLAG_ENGINE_BENCHMARK=1 dotnet test -c Release --filter FullyQualifiedName~EngineBenchmark --logger "console;verbosity=detailed"
/// </summary>
[Collection(TrainedModelCollectionDefinition.Name)]
public sealed class EngineBenchmark(TrainedModelFixture model, ITestOutputHelper output)
{
    private const int BatchRows = 50_000;
    private const int SingleRowCalls = 20_000;

    // Native exact SHAP costs over a millisecond per row; a smaller batch keeps the run short.
    private const int NativeExactRows = 5_000;

    [BenchmarkFact]
    public void MeasureCostPerRow()
    {
        LabeledRows batch = SyntheticCreditData.Generate(BatchRows, seed: 99);
        TreeEnsemble ensemble = model.Ensemble;
        Booster booster = model.Booster;
        var contributions = new double[ensemble.FeatureCount + 1];
        output.WriteLine($"Model: {ensemble.TreeCount} trees, max_depth {TrainedModelFixture.Parameters["max_depth"]}, {ensemble.FeatureCount} features; {Environment.ProcessorCount} cores.");

        Report("managed predict, single row", SingleRowCalls, i => ensemble.PredictProbability(batch.Row(i % 64)));
        Report("managed approx contributions, single row", SingleRowCalls, i => ensemble.ApproximateContributions(batch.Row(i % 64), contributions));
        Report("managed exact contributions, single row", SingleRowCalls / 10, i => ensemble.ExactContributions(batch.Row(i % 64), contributions));
        Report("native predict (PredictDense), single row", SingleRowCalls / 10, i => booster.PredictDense(batch.Row(i % 64), 1, batch.Columns));

        Report($"managed predict, {BatchRows:N0} rows", BatchRows, i => ensemble.PredictProbability(batch.Row(i)));
        Report($"managed approx contributions, {BatchRows:N0} rows", BatchRows, i => ensemble.ApproximateContributions(batch.Row(i), contributions));
        Report($"managed exact contributions, {BatchRows:N0} rows", BatchRows, i => ensemble.ExactContributions(batch.Row(i), contributions));
        ReportBatch($"native predict (PredictDense), {BatchRows:N0} rows", BatchRows, () => booster.PredictDense(batch.Features, BatchRows, batch.Columns));

        using DMatrix matrix = DMatrix.FromDense(batch.Features, BatchRows, batch.Columns);
        ReportBatch($"native predict (DMatrix), {BatchRows:N0} rows", BatchRows, () => booster.Predict(matrix));
        ReportBatch($"native approx contributions, {BatchRows:N0} rows", BatchRows, () => booster.PredictContributions(matrix, approximate: true));
        using DMatrix exactMatrix = DMatrix.FromDense(batch.Features.AsSpan(0, NativeExactRows * batch.Columns), NativeExactRows, batch.Columns);
        ReportBatch($"native exact contributions, {NativeExactRows:N0} rows", NativeExactRows, () => booster.PredictContributions(exactMatrix, approximate: false));
    }

    private void Report(string name, int calls, Action<int> score)
    {
        for (int i = 0; i < Math.Min(calls, 1_000); i++)
        {
            score(i);
        }

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            score(i);
        }

        Write(name, clock.Elapsed, calls);
    }

    private void ReportBatch(string name, int rows, Action predict)
    {
        predict();
        var clock = Stopwatch.StartNew();
        predict();
        Write(name, clock.Elapsed, rows);
    }

    private void Write(string name, TimeSpan elapsed, int rows)
    {
        output.WriteLine($"{name,-48} {elapsed.TotalNanoseconds / rows,12:N0} ns/row");
    }
}
