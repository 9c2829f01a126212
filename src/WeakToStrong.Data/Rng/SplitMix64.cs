namespace WeakToStrong.Data.Rng;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014; constants as in Vigna's reference C code). Our own, named
/// generator so that a recorded seed reproduces the same data forever: System.Random's algorithm is an
/// implementation detail of the runtime and has changed between .NET versions.
/// </summary>
public sealed class SplitMix64
{
    /// <summary>The name recorded next to every seed that drove this generator.</summary>
    public const string AlgorithmName = "splitmix64";

    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>
    /// An independent stream for one purpose ("definitions/negatives", "split"): the seed is mixed with the
    /// FNV-1a hash of the purpose, so adding a new consumer never shifts the draws of an existing one.
    /// </summary>
    public static SplitMix64 ForPurpose(ulong seed, string purpose)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in purpose)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return new SplitMix64(Mix(seed ^ h));
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, bound) without modulo bias (rejection of the short last bucket).</summary>
    public int NextBelow(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive");
        ulong b = (ulong)bound;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % b);
        ulong x;
        do { x = NextUInt64(); } while (x >= limit);
        return (int)(x % b);
    }

    /// <summary>A fair coin from the top bit (the best-mixed bit).</summary>
    public bool NextBool() => (NextUInt64() >> 63) != 0;

    /// <summary>Uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Fisher–Yates, from the last element down (the classic Durstenfeld order).</summary>
    public void Shuffle<T>(IList<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = NextBelow(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
