using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Rng;

namespace WeakToStrong.Data.Splits;

public sealed record Splits<T>(IReadOnlyList<T> Train1, IReadOnlyList<T> Train2, IReadOnlyList<T> Test, ulong Seed, string Rng)
{
    /// <summary>Empty unless asked for. Dealt last, so asking for it leaves train1, train2 and test as they were.</summary>
    public IReadOnlyList<T> Validation { get; init; } = [];
}

/// <summary>
/// Splits by group: groups (same lemma, same synset, same e-mail body, same speech) are shuffled with a
/// seeded <see cref="SplitMix64"/> and dealt whole into train1, then train2, then test; a group too big for
/// the space left in a split goes to the next split with room or is left out. So related items never
/// straddle a split, and sizes are exact. The sizes are the manifest's <c>data.split</c> (train1 trains the weak model,
/// train2 gets weak labels, test is held out, validation is labelled for weak-agreement early stopping); its seed is
/// not read here: the caller combines it with the run seed into <c>seed</c>.
/// </summary>
public static class Splitter
{
    public const string Purpose = "split";

    public static Splits<ClassificationItem> Split(IReadOnlyList<ClassificationItem> items, SplitSpec sizes, ulong seed, string task) =>
        Split(items, i => i.Group, sizes, seed, task);

    public static Splits<PairwiseItem> Split(IReadOnlyList<PairwiseItem> items, SplitSpec sizes, ulong seed, string task) =>
        Split(items, i => i.Group, sizes, seed, task);

    public static Splits<T> Split<T>(IReadOnlyList<T> items, Func<T, string> groupOf, SplitSpec sizes, ulong seed, string task)
    {
        if (sizes.Train1 < 0 || sizes.Train2 < 0 || sizes.Test < 0 || sizes.Validation < 0)
            throw new ArgumentException($"{task}: split sizes must not be negative ({sizes.Train1}/{sizes.Train2}/{sizes.Test}/{sizes.Validation})");
        int total = sizes.Train1 + sizes.Train2 + sizes.Test + sizes.Validation;
        if (items.Count < total)
            throw new InsufficientDataException($"{task}: asked for {total} items, source has {items.Count}");

        // Groups in order of first appearance, so the shuffle's input does not depend on hashing.
        var groups = new List<List<T>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = groupOf(item);
            if (!index.TryGetValue(key, out int g)) { index[key] = g = groups.Count; groups.Add([]); }
            groups[g].Add(item);
        }
        SplitMix64.ForPurpose(seed, Purpose).Shuffle(groups);

        int[] want = [sizes.Train1, sizes.Train2, sizes.Test, sizes.Validation];
        var parts = want.Select(n => new List<T>(n)).ToArray();
        int current = 0;
        foreach (var group in groups)
        {
            while (current < want.Length && parts[current].Count == want[current]) current++;
            if (current == want.Length) break;
            for (int s = current; s < want.Length; s++)
            {
                if (want[s] - parts[s].Count >= group.Count) { parts[s].AddRange(group); break; }
            }
        }
        string[] names = ["train1", "train2", "test", "validation"];
        for (int s = 0; s < want.Length; s++)
            if (parts[s].Count != want[s])
                throw new InsufficientDataException(
                    $"{task}: could fill {names[s]} with only {parts[s].Count} of {want[s]} items using whole groups ({items.Count} items in {groups.Count} groups)");
        return new Splits<T>(parts[0], parts[1], parts[2], seed, SplitMix64.AlgorithmName) { Validation = parts[3] };
    }
}

/// <summary>A source or task has fewer (groupable) items than a manifest asks for.</summary>
public sealed class InsufficientDataException(string message) : Exception(message);
