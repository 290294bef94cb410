using Bogus;

namespace RiskFlag.Training.Synthetic;

/// <summary>
/// A shuffled deck holding each value in exactly its share of <c>count</c> draws. Dealing
/// categorical features from it instead of drawing them independently keeps the shares within a
/// fraction of a point even though most rows are copies of a few thousand applicants.
/// </summary>
internal sealed class QuotaDeck<T>
{
    private readonly T[] _cards;
    private int _next;

    public QuotaDeck(Randomizer random, int count, IReadOnlyList<(T Value, double Share)> shares)
    {
        _cards = new T[count];
        int[] quotas = LargestRemainderQuotas(count, shares);
        int position = 0;
        for (int value = 0; value < shares.Count; value++)
        {
            _cards.AsSpan(position, quotas[value]).Fill(shares[value].Value);
            position += quotas[value];
        }

        Shuffling.ShuffleInPlace(random, _cards.AsSpan());
    }

    public T Deal()
    {
        return _cards[_next++];
    }

    // Rounds count × share down, then hands the leftover cards to the largest fractions, so the
    // quotas sum to count exactly.
    private static int[] LargestRemainderQuotas(int count, IReadOnlyList<(T Value, double Share)> shares)
    {
        double total = shares.Sum(entry => entry.Share);
        var quotas = new int[shares.Count];
        var remainders = new double[shares.Count];
        int dealt = 0;
        for (int value = 0; value < shares.Count; value++)
        {
            double exact = count * shares[value].Share / total;
            quotas[value] = (int)Math.Floor(exact);
            remainders[value] = exact - quotas[value];
            dealt += quotas[value];
        }

        foreach (int value in Enumerable.Range(0, shares.Count).OrderByDescending(v => remainders[v]).Take(count - dealt))
        {
            quotas[value]++;
        }

        return quotas;
    }
}
