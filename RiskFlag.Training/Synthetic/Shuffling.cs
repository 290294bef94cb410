using Bogus;

namespace RiskFlag.Training.Synthetic;

/// <summary>Fisher–Yates shuffle driven by a seeded Bogus randomizer, so the order is reproducible.</summary>
internal static class Shuffling
{
    public static void ShuffleInPlace<T>(Randomizer random, Span<T> items)
    {
        for (int last = items.Length - 1; last > 0; last--)
        {
            int pick = random.Number(0, last);
            (items[last], items[pick]) = (items[pick], items[last]);
        }
    }
}
