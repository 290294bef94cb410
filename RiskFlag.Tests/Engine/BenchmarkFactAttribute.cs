namespace RiskFlag.Tests.Engine;

/// <summary>
/// A fact that is skipped unless RISKFLAG_ENGINE_BENCHMARK=1, so timing code stays out of normal and CI runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "RISKFLAG_ENGINE_BENCHMARK";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Benchmark; run by hand with {Variable}=1.";
        }
    }
}
