namespace WeakToStrong.Training.Trainer;

/// <summary>
/// The reference's data order (weak_to_strong/train.py): one seeded permutation of the examples, the epoch copies
/// concatenated in that same order (no reshuffle), cut into batches that may cross epoch boundaries, the
/// remainder dropped: nsteps = ⌊n·epochs/batch⌋.
/// </summary>
public static class BatchPlan
{
    public static int Steps(int n, double epochs, int batchSize) => (int)Math.Floor(n * epochs / batchSize);

    /// <summary>Example indices of every optimiser step, [nsteps][batchSize].</summary>
    public static int[][] Batches(int n, double epochs, int batchSize, long seed)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize));
        var order = Permutation(n, seed);
        int steps = Steps(n, epochs, batchSize);
        var batches = new int[steps][];
        for (int s = 0; s < steps; s++)
        {
            batches[s] = new int[batchSize];
            for (int i = 0; i < batchSize; i++) batches[s][i] = order[(s * batchSize + i) % n];
        }
        return batches;
    }

    /// <summary>A Fisher–Yates permutation from a seeded SplitMix64 stream: the same on every platform and runtime.</summary>
    public static int[] Permutation(int n, long seed)
    {
        var p = Enumerable.Range(0, n).ToArray();
        ulong state = unchecked((ulong)seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(NextUInt64(ref state) % (ulong)(i + 1));
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    private static ulong NextUInt64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
