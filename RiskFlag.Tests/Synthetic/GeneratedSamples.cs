using RiskFlag.Training.Synthetic;

namespace RiskFlag.Tests.Synthetic;

/// <summary>Generated data sets shared by the tests, built once per test run because they are large.</summary>
internal static class GeneratedSamples
{
    public const int Seed = 20_240_601;
    public const int MediumRows = 50_000;
    public const int FullRows = 252_000;

    private static readonly Lazy<IReadOnlyList<SyntheticApplicant>> MediumRowsLazy =
        new(() => [.. new SyntheticApplicantGenerator(Seed).Generate(MediumRows)]);

    private static readonly Lazy<IReadOnlyList<SyntheticApplicant>> FullRowsLazy =
        new(() => [.. new SyntheticApplicantGenerator(Seed).Generate(FullRows)]);

    /// <summary>50,000 rows: large enough for shares within a point.</summary>
    public static IReadOnlyList<SyntheticApplicant> Medium => MediumRowsLazy.Value;

    /// <summary>252,000 rows: the size of the real training data.</summary>
    public static IReadOnlyList<SyntheticApplicant> Full => FullRowsLazy.Value;
}
