using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Splits;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Runner.Sources;

namespace WeakToStrong.Runner.Stages;

/// <summary>Builds a task from its pinned sources and splits it train1/train2/test for one run seed.</summary>
public static class DataStage
{
    /// <summary>The split seed: the manifest's base seed and the run seed, both kept whole (neither can collide).</summary>
    public static ulong SplitSeed(int baseSeed, int runSeed) => ((ulong)(uint)baseSeed << 32) | (uint)runSeed;

    public static async Task<StageResult> RunAsync(DataSpec data, int runSeed, SourceCache sources, string workDir, CancellationToken ct)
    {
        var fetched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in data.Sources)
            fetched[source.Name] = (await sources.GetAsync(SourceMapping.ToData(source), ct)).ContentDir;

        ulong seed = SplitSeed(data.Split.Seed, runSeed);
        var build = data.Task switch
        {
            DefinitionsTask.Name => DefinitionsTask.Build(Single(fetched, data), DefinitionsOptionsOf(data), seed),
            _ => throw new NotSupportedException($"task '{data.Task}' has no builder yet (available: {DefinitionsTask.Name})"),
        };
        var splits = Splitter.Split(build.Items, new SplitSizes(data.Split.Train1, data.Split.Train2, data.Split.Test, data.Split.Validation), seed, data.Task);

        var files = new Dictionary<string, string>();
        var parts = new List<(string, IReadOnlyList<ClassificationItem>)> { ("train1", splits.Train1), ("train2", splits.Train2), ("test", splits.Test) };
        if (splits.Validation.Count > 0) parts.Add(("validation", splits.Validation));
        foreach (var (name, items) in parts)
        {
            string path = Path.Combine(workDir, name + ".jsonl");
            JsonlWriter.Write(path, JsonlWriter.ToBytes(items));
            files[name] = path;
        }
        var metrics = new JsonObject
        {
            ["task"] = build.Task,
            ["rng"] = build.Rng,
            ["seed"] = seed,
            ["taskItems"] = build.Items.Count,
            ["taskHash"] = build.ContentHash,
            ["positiveRate"] = new JsonObject
            {
                ["train1"] = PositiveRate(splits.Train1), ["train2"] = PositiveRate(splits.Train2), ["test"] = PositiveRate(splits.Test),
            },
        };
        return new StageResult(files, metrics);
    }

    static string Single(Dictionary<string, string> fetched, DataSpec data) =>
        fetched.Count == 1 ? fetched.Values.Single()
            : throw new InvalidOperationException($"task '{data.Task}' reads one source; the manifest declares {fetched.Count}");

    static DefinitionsOptions DefinitionsOptionsOf(DataSpec data)
    {
        var options = new DefinitionsOptions();
        if (data.Params is null) return options;
        foreach (var (key, value) in data.Params)
        {
            options = key switch
            {
                "partOfSpeech" => options with { PartsOfSpeech = [value.GetString()!] },
                "partsOfSpeech" => options with { PartsOfSpeech = value.EnumerateArray().Select(v => v.GetString()!).ToArray() },
                "negatives" => options with { Negatives = NegativeRules.Parse(value.GetString()!) },
                _ => throw new ArgumentException($"data.params.{key} is not a parameter of the definitions task (partOfSpeech, partsOfSpeech, negatives)"),
            };
        }
        return options;
    }

    static double PositiveRate(IReadOnlyList<ClassificationItem> items) =>
        items.Count == 0 ? 0 : Math.Round(items.Count(i => i.HardLabel == 1) / (double)items.Count, 6);
}
