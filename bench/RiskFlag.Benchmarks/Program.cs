using RiskFlag.Benchmarks;

// Prints per-stage and per-row costs of the scoring path for docs/. Usage:
//   RiskFlag.Benchmarks batch  <risk-model.zip> <applicants.csv>   parse, score and write a file, in process
//   RiskFlag.Benchmarks engine <risk-model.zip> <applicants.csv>   ML.NET engine, TreeSHAP and the scorer, per row
//   RiskFlag.Benchmarks decisions                                  decision log writer cost per row (SQLite)
return args switch
{
    ["batch", var model, var input] => BatchBenchmark.Run(model, input),
    ["engine", var model, var input] => EngineBenchmark.Run(model, input),
    ["decisions"] => await DecisionStoreBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: RiskFlag.Benchmarks batch|engine <risk-model.zip> <applicants.csv> | decisions");
    return 2;
}
