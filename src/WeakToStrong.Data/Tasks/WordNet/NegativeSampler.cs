using WeakToStrong.Data.Rng;

namespace WeakToStrong.Data.Tasks.WordNet;

/// <summary>
/// Draws a wrong gloss for a synset under a <see cref="NegativeRule"/>. A candidate is rejected when its
/// synset contains the question's lemma (then its gloss is a correct answer too) or its gloss is identical
/// to the synset's own; the measured task of docs/feasibility.md used exactly these rejections.
/// </summary>
internal sealed class NegativeSampler
{
    private const int RandomAttempts = 64;
    private readonly IReadOnlyList<Synset> _synsets;
    private readonly NegativeRule _rule;
    private readonly Dictionary<int, int[]> _byFile;
    private readonly int[] _all;
    private readonly Dictionary<string, List<int>> _children = new(StringComparer.Ordinal);

    public NegativeSampler(IReadOnlyList<Synset> synsets, NegativeRule rule)
    {
        _synsets = synsets;
        _rule = rule;
        _all = Enumerable.Range(0, synsets.Count).ToArray();
        _byFile = _all.GroupBy(i => synsets[i].LexFile).ToDictionary(g => g.Key, g => g.ToArray());
        if (rule == NegativeRule.Sibling)
            for (int i = 0; i < synsets.Count; i++)
                foreach (var h in synsets[i].Hypernyms)
                    (_children.TryGetValue(h, out var list) ? list : _children[h] = []).Add(i);
    }

    /// <summary>The index of the negative synset, or null when the rule offers no valid one.</summary>
    public int? Pick(int target, string lemma, SplitMix64 rng)
    {
        if (_rule == NegativeRule.Sibling)
        {
            var siblings = _synsets[target].Hypernyms
                .SelectMany(h => _children.TryGetValue(h, out var c) ? c : [])
                .Distinct().Order().Where(j => IsValid(target, j, lemma)).ToArray();
            return siblings.Length == 0 ? null : siblings[rng.NextBelow(siblings.Length)];
        }
        var pool = _rule == NegativeRule.SameFile ? _byFile[_synsets[target].LexFile] : _all;
        for (int attempt = 0; attempt < RandomAttempts; attempt++)
        {
            int j = pool[rng.NextBelow(pool.Length)];
            if (IsValid(target, j, lemma)) return j;
        }
        // Tiny files: scan once from a random start so the outcome is still seeded, never "first valid".
        int start = rng.NextBelow(pool.Length);
        for (int k = 0; k < pool.Length; k++)
        {
            int j = pool[(start + k) % pool.Length];
            if (IsValid(target, j, lemma)) return j;
        }
        return null;
    }

    private bool IsValid(int target, int candidate, string lemma)
    {
        if (candidate == target) return false;
        var c = _synsets[candidate];
        if (c.Gloss.Length == 0 || c.Gloss == _synsets[target].Gloss) return false;
        return !c.Lemmas.Any(l => string.Equals(l, lemma, StringComparison.OrdinalIgnoreCase));
    }
}
