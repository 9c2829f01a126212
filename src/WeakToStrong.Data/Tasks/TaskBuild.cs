namespace WeakToStrong.Data.Tasks;

/// <summary>
/// What a task builder returns: the items, the parameters that produced them as the builder reports them (sorted,
/// strings; they follow from what the data stage key hashes: the builder version and the normalised
/// <c>data.params</c>), the seed and the named RNG, and the sha256 of the items' JSONL.
/// <see cref="Stats"/> holds counts worth reporting (items dropped and why) — not part of the identity. The data stage
/// records both in its metrics (<c>taskParameters</c>, <c>taskStats</c>).
/// </summary>
public sealed record TaskBuild<T>(
    string Task,
    IReadOnlyList<T> Items,
    IReadOnlyDictionary<string, string> Parameters,
    ulong Seed,
    string Rng,
    string ContentHash,
    IReadOnlyDictionary<string, int> Stats);
