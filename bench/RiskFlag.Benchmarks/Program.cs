using System.Globalization;

using RiskFlag.Benchmarks;

// Prints per-stage and per-row costs of the scoring path for docs/. Usage:
//   RiskFlag.Benchmarks batch  <risk-model.zip> <applicants.csv>   parse, score and write a file, in process
//   RiskFlag.Benchmarks engine <risk-model.zip> <applicants.csv>   ML.NET engine, TreeSHAP and the scorer, per row
//   RiskFlag.Benchmarks decisions                                  decision log writer cost per row (SQLite)
//   RiskFlag.Benchmarks decision-pages [rows] [batch] [log.db]     Decisions page and export on a large log (SQLite)
//   RiskFlag.Benchmarks outcomes [rows] [outcomes] [log.db]        posting outcomes and live performance on a large log
return args switch
{
    ["batch", var model, var input] => BatchBenchmark.Run(model, input),
    ["engine", var model, var input] => EngineBenchmark.Run(model, input),
    ["decisions"] => await DecisionStoreBenchmark.Run(),
    ["decision-pages", .. var rest] when rest.Length <= 3 => await DecisionPagesBenchmark.Run(
        rest.Length > 0 ? long.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000_000,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 500,
        rest.Length > 2 ? rest[2] : null),
    ["outcomes", .. var rest] when rest.Length <= 3 => await OutcomesBenchmark.Run(
        rest.Length > 0 ? long.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000_000,
        rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 100_000,
        rest.Length > 2 ? rest[2] : null),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RiskFlag.Benchmarks batch|engine <risk-model.zip> <applicants.csv> | decisions | decision-pages [rows] [batch] [log.db] | outcomes [rows] [outcomes] [log.db]");
    return 2;
}
