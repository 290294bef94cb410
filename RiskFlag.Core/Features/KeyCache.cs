using System.Collections.Concurrent;

namespace RiskFlag.Core.Features;

/// <summary>
/// Remembers the normalised keys of the spellings seen so far. Real traffic repeats a few hundred
/// city/state/profession spellings, so scoring becomes a lookup instead of string building. Bounded,
/// so a stream of made-up names cannot grow it without limit; past the bound keys are computed afresh.
/// </summary>
internal sealed class KeyCache(int capacity = 16_384)
{
    private readonly ConcurrentDictionary<(string City, string State, string Profession), ApplicantKeys> _keys = new();

    public ApplicantKeys Of(string city, string state, string profession)
    {
        var spelling = (city, state, profession);
        if (_keys.TryGetValue(spelling, out var keys))
        {
            return keys;
        }

        keys = ApplicantKeys.Of(city, state, profession);
        if (_keys.Count < capacity)
        {
            _keys.TryAdd(spelling, keys);
        }

        return keys;
    }
}
