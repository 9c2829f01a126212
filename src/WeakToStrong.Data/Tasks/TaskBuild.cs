namespace WeakToStrong.Data.Tasks;

/// <summary>
/// What a task builder returns: the items, the declared parameters that produced them (sorted, strings, to
/// be hashed into the stage key), the seed and the named RNG, and the sha256 of the items' JSONL.
/// <see cref="Stats"/> holds counts worth reporting (items dropped and why) — not part of the identity.
/// </summary>
public sealed record TaskBuild<T>(
    string Task,
    IReadOnlyList<T> Items,
    IReadOnlyDictionary<string, string> Parameters,
    ulong Seed,
    string Rng,
    string ContentHash,
    IReadOnlyDictionary<string, int> Stats);
