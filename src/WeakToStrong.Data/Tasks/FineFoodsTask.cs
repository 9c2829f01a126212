using System.Globalization;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Formats.RData;
using WeakToStrong.Data.Rng;

namespace WeakToStrong.Data.Tasks;

public sealed record FineFoodsOptions
{
    /// <summary>Reviews are cut to this many characters after cleaning (declared: it changes what a model can see).
    /// The median review is ~280 characters; training reads at most <c>maxCtx</c> tokens anyway.</summary>
    public int MaxChars { get; init; } = 1000;
}

/// <summary>
/// Is an Amazon Fine Foods review "great" (label 1: a 5-star score) or "other" (1–4 stars)? The reviews are
/// modeldata's <c>small_fine_foods</c> (Debian r-cran-modeldata, an R lazy-load database read by
/// <see cref="LazyLoadDatabase"/>): its <c>training_data</c> (4000) and <c>testing_data</c> (1000) tibbles of product,
/// review, score, pooled — the pipeline makes its own splits. In 1.1.0-1: 3258 great and 1742 other, one review per
/// product (5000 products, none in both package splits).
/// Reviews are cleaned of HTML (<see cref="ReviewText"/>); a cleaned (and cut) text seen more than once is kept once (28
/// repeats in 1.1.0-1, none with conflicting scores; a text with both scores would be dropped), so the same words
/// never sit in two splits under two products; then the classes are balanced by seeded undersampling of the larger
/// (great): 1733 + 1733 = 3466 items from 1.1.0-1. The group is the product, so reviews of one product never straddle
/// splits. (The package's help: "whether the reviewer gave the product a 5-star rating or not".)
/// </summary>
public sealed class FineFoodsTask : ITaskBuilder<ClassificationItem>
{
    public const string Name = "fine-foods";
    public const string BuilderVersion = "1";

    /// <summary>Where r-cran-modeldata installs the package's data, relative to the unpacked .deb.</summary>
    public const string DatabasePath = "usr/lib/R/site-library/modeldata/data/Rdata";

    /// <summary>The pooled tables, in this order.</summary>
    public static readonly IReadOnlyList<string> Tables = ["training_data", "testing_data"];

    static readonly FineFoodsOptions Defaults = new();

    public TaskDescriptor Descriptor { get; } = new(Name, Setting.Classification, BuilderVersion, Sources: 1,
    [
        TaskParameter.Integer("maxChars", Defaults.MaxChars, minimum: 1, maximum: 100_000),
    ]);

    TaskBuild<ClassificationItem> ITaskBuilder<ClassificationItem>.Build(TaskInputs inputs) =>
        Build(inputs.Source, new FineFoodsOptions { MaxChars = inputs.Integer("maxChars") }, inputs.Seed);

    public static TaskBuild<ClassificationItem> Build(string sourceDir, FineFoodsOptions options, ulong seed)
    {
        var database = LazyLoadDatabase.Open(Path.Combine(sourceDir, DatabasePath));
        var byText = new Dictionary<string, (ClassificationItem Item, bool Conflict)>(StringComparer.Ordinal);
        var order = new List<string>();
        int reviews = 0, empty = 0;
        foreach (var table in Tables)
        {
            var frame = new RDataFrame(database.Load(table), $"{sourceDir}/{DatabasePath}.rdb[{table}]");
            var (products, texts, scores) = (frame.Strings("product"), frame.Strings("review"), frame.Strings("score"));
            for (int row = 0; row < frame.RowCount; row++)
            {
                reviews++;
                int label = scores[row] switch
                {
                    "great" => 1,
                    "other" => 0,
                    var s => throw new RDataException($"{DatabasePath}.rdb[{table}]: row {row + 1} has score '{s ?? "NA"}', expected great or other"),
                };
                var text = Truncate(ReviewText.Clean(texts[row] ?? ""), options.MaxChars);
                if (text.Length == 0 || products[row] is null) { empty++; continue; }
                var item = new ClassificationItem($"{table}:{row + 1}", "product:" + products[row], text, label);
                if (byText.TryGetValue(text, out var seen)) byText[text] = seen with { Conflict = seen.Conflict || seen.Item.HardLabel != label };
                else { byText[text] = (item, false); order.Add(text); }
            }
        }
        var unique = order.Where(t => !byText[t].Conflict).Select(t => byText[t].Item).ToList();
        var balanced = Undersample(unique, SplitMix64.ForPurpose(seed, Name));
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["builderVersion"] = BuilderVersion,
            ["maxChars"] = options.MaxChars.ToString(CultureInfo.InvariantCulture),
        };
        var stats = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["reviews"] = reviews,
            ["emptyReviews"] = empty,
            ["repeatedTexts"] = reviews - empty - byText.Count,
            ["conflictingTexts"] = byText.Values.Count(v => v.Conflict),
            ["uniqueTexts"] = unique.Count,
            ["items"] = balanced.Count,
            ["positives"] = balanced.Count(i => i.HardLabel == 1),
            ["products"] = balanced.Select(i => i.Group).Distinct().Count(),
        };
        return new TaskBuild<ClassificationItem>(Name, balanced, parameters, seed, SplitMix64.AlgorithmName, JsonlWriter.Hash(balanced), stats);
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>Keeps a seeded random subset of the larger class, as large as the smaller one, in the pool's order.</summary>
    static List<ClassificationItem> Undersample(List<ClassificationItem> items, SplitMix64 rng)
    {
        var great = items.Where(i => i.HardLabel == 1).ToList();
        var other = items.Where(i => i.HardLabel == 0).ToList();
        var (small, large) = great.Count <= other.Count ? (great, other) : (other, great);
        rng.Shuffle(large);
        var keep = small.Concat(large.Take(small.Count)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return [.. items.Where(i => keep.Contains(i.Id))];
    }
}
