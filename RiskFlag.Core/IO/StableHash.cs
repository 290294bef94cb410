namespace RiskFlag.Core.IO;

/// <summary>64-bit FNV-1a: the same value on every machine and run (string.GetHashCode is randomised per process).</summary>
public static class StableHash
{
    public static ulong Of(string text, ulong seed = 0)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // Final avalanche (splitmix64) so that modulo on the low bits is evenly spread.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }

    public static ulong Mix(ulong value, ulong seed)
    {
        var hash = value ^ (seed * 0x9e3779b97f4a7c15UL);
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }
}
