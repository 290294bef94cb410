using Bogus;

namespace RiskFlag.Training.Synthetic;

/// <summary>Standard normal draws from a seeded Bogus randomizer (Box–Muller).</summary>
internal static class GaussianNoise
{
    public static double Next(Randomizer random, double standardDeviation)
    {
        // 1 − U keeps the logarithm's argument in (0, 1].
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.Double()));
        double angle = 2.0 * Math.PI * random.Double();
        return standardDeviation * radius * Math.Cos(angle);
    }
}
