using TorchSharp.PyBridge;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Probes;

/// <summary>
/// A frozen body's pooled features of token sequences: row i of <see cref="Features"/> [N, d] (fp32) belongs to
/// the i-th distinct sequence. Keyed by the token ids the model itself would read (after its encoder and the
/// maximum context), so a probe looks up exactly the input the frozen body saw. Stored as one safetensors file:
/// <c>features</c> [N,d] f32, <c>tokens</c> (every sequence concatenated, int32) and <c>offsets</c> [N+1] int64.
/// </summary>
public sealed class FeatureTable : IDisposable
{
    private readonly Dictionary<int[], long> rows;

    public Tensor Features { get; }

    public int Count => rows.Count;

    public long Size => Features.shape[1];

    private FeatureTable(Dictionary<int[], long> rows, Tensor features)
    {
        this.rows = rows;
        Features = features;
    }

    /// <summary>The row of a sequence, or an error naming it: the features stage never saw that input.</summary>
    public long RowOf(int[] ids) => rows.TryGetValue(ids, out var row) ? row
        : throw new InvalidOperationException(
            $"a sequence of {ids.Length} tokens ({string.Join(" ", ids.Take(8))}{(ids.Length > 8 ? " …" : "")}) is not in the features table: "
            + "the features stage computed features for other inputs than this stage reads");

    public static FeatureTable Create(IReadOnlyList<int[]> sequences, Tensor features)
    {
        if (features.shape.Length != 2 || features.shape[0] != sequences.Count)
            throw new ArgumentException($"features [{string.Join(",", features.shape)}] do not match {sequences.Count} sequences");
        var rows = new Dictionary<int[], long>(SequenceComparer.Instance);
        for (int i = 0; i < sequences.Count; i++)
            if (!rows.TryAdd(sequences[i], i)) throw new ArgumentException($"sequence {i} is listed twice");
        // Its own copy (callers dispose theirs), made inside a dispose scope: the scope holds each intermediate's
        // wrapper, which otherwise is garbage while the next native call still reads its handle, and a collection
        // then lets its finalizer free that handle mid-call (a segfault in at::native::clone, 2026-12-07 suite).
        using var scope = NewDisposeScope();
        var copy = features.to_type(ScalarType.Float32).cpu().contiguous().clone();
        return new FeatureTable(rows, copy.DetachFromDisposeScope()); // the table owns it, whatever scope the caller has
    }

    public void Save(string path)
    {
        var ordered = rows.OrderBy(r => r.Value).Select(r => r.Key).ToList();
        var offsets = new long[ordered.Count + 1];
        for (int i = 0; i < ordered.Count; i++) offsets[i + 1] = offsets[i] + ordered[i].Length;
        var tokens = ordered.SelectMany(s => s).ToArray();
        using var t = tensor(tokens, ScalarType.Int32);
        using var o = tensor(offsets, ScalarType.Int64);
        Checkpoint.Save(new Dictionary<string, Tensor> { ["features"] = Features, ["tokens"] = t, ["offsets"] = o }, path);
    }

    public static FeatureTable Load(string path)
    {
        var state = Safetensors.LoadStateDict(path);
        using var scope = NewDisposeScope(); // holds the conversions below while their data is copied out
        try
        {
            if (!state.TryGetValue("features", out var features) || !state.TryGetValue("tokens", out var t) || !state.TryGetValue("offsets", out var o))
                throw new InvalidDataException($"{path}: not a features table (needs features, tokens and offsets)");
            var tokens = t.to_type(ScalarType.Int32).data<int>().ToArray();
            var offsets = o.to_type(ScalarType.Int64).data<long>().ToArray();
            var sequences = new List<int[]>(offsets.Length - 1);
            for (int i = 0; i + 1 < offsets.Length; i++) sequences.Add(tokens[(int)offsets[i]..(int)offsets[i + 1]]);
            return Create(sequences, features);
        }
        finally
        {
            foreach (var v in state.Values) v.Dispose();
        }
    }

    public void Dispose() => Features.Dispose();

    /// <summary>Token sequences compared by value.</summary>
    public sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] ids)
        {
            var hash = new HashCode();
            foreach (var id in ids) hash.Add(id);
            return hash.ToHashCode();
        }
    }
}
