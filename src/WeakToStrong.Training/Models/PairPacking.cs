namespace WeakToStrong.Training.Models;

/// <summary>
/// A pair of token sequences as one <c>int[]</c>, so that pairs travel through the trainer and the predictor as
/// ordinary examples (one loop for classifiers and reward models): <c>[len(a), a…, b…]</c>. Only an
/// <see cref="IPackedInput"/> model understands the layout; anything that truncates or pads the array as if it were
/// text (a maximum context, say) would corrupt it, so truncate a and b before packing.
/// </summary>
public static class PairPacking
{
    public static int[] Pack(int[] a, int[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // An empty sequence has no last real token to read (GPT-2) and a mean pool over nothing (BERT).
        if (a.Length == 0 || b.Length == 0) throw new ArgumentException("Both sequences of a pair need at least one token.");
        var packed = new int[1 + a.Length + b.Length];
        packed[0] = a.Length;
        a.CopyTo(packed, 1);
        b.CopyTo(packed, 1 + a.Length);
        return packed;
    }

    public static (int[] A, int[] B) Unpack(int[] packed)
    {
        ArgumentNullException.ThrowIfNull(packed);
        if (packed.Length < 3 || packed[0] < 1 || packed[0] > packed.Length - 2)
            throw new ArgumentException(
                $"Not a packed pair [len(a), a…, b…] with both sequences non-empty (length {packed.Length}, "
                + $"len(a) {(packed.Length > 0 ? packed[0] : "missing")}).");
        int n = packed[0];
        return (packed[1..(1 + n)], packed[(1 + n)..]);
    }

    /// <summary>The sequences of packed pairs as rows a0, b0, a1, b1, … (what <see cref="PairwiseRewardModel"/>
    /// reads back as pairs).</summary>
    public static List<int[]> Interleave(IReadOnlyList<int[]> packed)
    {
        var rows = new List<int[]>(2 * packed.Count);
        foreach (var p in packed)
        {
            var (a, b) = Unpack(p);
            rows.Add(a);
            rows.Add(b);
        }
        return rows;
    }
}
