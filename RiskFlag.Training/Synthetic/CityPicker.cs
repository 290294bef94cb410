using Bogus;

using RiskFlag.Core.Vocabulary;

namespace RiskFlag.Training.Synthetic;

/// <summary>Draws a known city with probability proportional to its row count in the real data.</summary>
internal static class CityPicker
{
    private static readonly int[] CumulativeRows = BuildCumulativeRows();

    public static KnownCity Next(Randomizer random)
    {
        int ticket = random.Number(0, KnownCities.TotalRows - 1);
        int index = Array.BinarySearch(CumulativeRows, ticket + 1);
        // Without an exact hit BinarySearch returns the complement of the first larger entry.
        return KnownCities.All[index >= 0 ? index : ~index];
    }

    private static int[] BuildCumulativeRows()
    {
        var cumulative = new int[KnownCities.All.Count];
        int running = 0;
        for (int i = 0; i < cumulative.Length; i++)
        {
            running += KnownCities.All[i].Rows;
            cumulative[i] = running;
        }

        return cumulative;
    }
}
