using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Splits;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Runner.Models;
using WeakToStrong.Runner.Sources;
using WeakToStrong.Runner.Stages.Results;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Builds a task from its pinned sources and splits it train1/train2/test(/validation) for one run seed:
/// classification items for the classification tasks, preference pairs for the reward-model tasks.
/// </summary>
public static class DataStage
{
    /// <summary>The split seed: the manifest's base seed and the run seed, both kept whole (neither can collide).</summary>
    public static ulong SplitSeed(int baseSeed, int runSeed) => ((ulong)(uint)baseSeed << 32) | (uint)runSeed;

    /// <summary>
    /// The setting a task's items belong to. Later stages read it from the data stage's "task" parameter, so the
    /// kind of item a stage trains on is part of what its data input's key hashes.
    /// </summary>
    public static Setting SettingOf(string task) => task switch
    {
        DefinitionsTask.Name => Setting.Classification,
        DefinitionsTask.PreferenceName or PairwiseJsonlTask.Name => Setting.RewardModel,
        _ => throw new NotSupportedException(
            $"task '{task}' has no builder yet (available: {DefinitionsTask.Name}, {DefinitionsTask.PreferenceName}, {PairwiseJsonlTask.Name})"),
    };

    public static async Task<StageResult> RunAsync(DataParameters data, SourceCache sources, string workDir, CancellationToken ct)
    {
        int runSeed = data.Seed;
        if (SettingOf(data.Task) != data.Setting)
            throw new InvalidOperationException(
                $"task '{data.Task}' builds {Describe(SettingOf(data.Task))} items, but the manifest's setting is {Describe(data.Setting)}");
        var fetched = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in data.Sources)
            fetched[source.Name] = (await sources.GetAsync(SourceMapping.ToData(source), ct)).ContentDir;

        ulong seed = SplitSeed(data.Split.Seed, runSeed);
        var sizes = new SplitSizes(data.Split.Train1, data.Split.Train2, data.Split.Test, data.Split.Validation);
        switch (data.Task)
        {
            case DefinitionsTask.Name:
            {
                var build = DefinitionsTask.Build(Single(fetched, data), DefinitionsOptionsOf(data), seed);
                var splits = Splitter.Split(build.Items, sizes, seed, data.Task);
                return StageResult.Of(Write(splits, JsonlWriter.ToBytes, workDir),
                    Metrics(build) with { PositiveRate = Rates(splits, items => items.Count(i => i.HardLabel == 1)) });
            }
            default:
            {
                if (data.Task == PairwiseJsonlTask.Name && data.Params is { Count: > 0 } ps)
                    throw new ArgumentException($"task '{data.Task}' takes no data.params (got {string.Join(", ", ps.Keys)})");
                var build = data.Task == PairwiseJsonlTask.Name
                    ? PairwiseJsonlTask.Build(Single(fetched, data))
                    : DefinitionsTask.BuildPreference(Single(fetched, data), DefinitionsOptionsOf(data), seed);
                var splits = Splitter.Split(build.Items, sizes, seed, data.Task);
                // How often the chosen response is presented first (PairOrder): ~0.5 means ground truth is not constant.
                return StageResult.Of(Write(splits, JsonlWriter.ToBytes, workDir),
                    Metrics(build) with { ChosenFirstRate = Rates(splits, items => items.Count(i => PairOrder.ChosenFirst(i, runSeed))) });
            }
        }
    }

    static string Describe(Setting s) => s == Setting.RewardModel ? "reward-model" : "classification";

    static Dictionary<string, string> Write<T>(Splits<T> splits, Func<IEnumerable<T>, byte[]> bytes, string workDir)
    {
        var files = new Dictionary<string, string>();
        var parts = new List<(string, IReadOnlyList<T>)> { ("train1", splits.Train1), ("train2", splits.Train2), ("test", splits.Test) };
        if (splits.Validation.Count > 0) parts.Add(("validation", splits.Validation));
        foreach (var (name, items) in parts)
        {
            string path = Path.Combine(workDir, name + ".jsonl");
            JsonlWriter.Write(path, bytes(items));
            files[name] = path;
        }
        return files;
    }

    static DataMetrics Metrics<T>(TaskBuild<T> build) => new(build.Task, build.Rng, build.Seed, build.Items.Count, build.ContentHash);

    static SplitRates Rates<T>(Splits<T> splits, Func<IReadOnlyList<T>, int> count)
    {
        double Rate(IReadOnlyList<T> items) => items.Count == 0 ? 0 : Math.Round(count(items) / (double)items.Count, 6);
        return new SplitRates(Rate(splits.Train1), Rate(splits.Train2), Rate(splits.Test));
    }

    static string Single(Dictionary<string, string> fetched, DataParameters data) =>
        fetched.Count == 1 ? fetched.Values.Single()
            : throw new InvalidOperationException($"task '{data.Task}' reads one source; the manifest declares {fetched.Count}");

    static DefinitionsOptions DefinitionsOptionsOf(DataParameters data)
    {
        var options = new DefinitionsOptions();
        foreach (var (key, value) in data.Params)
        {
            options = key switch
            {
                "partOfSpeech" => options with { PartsOfSpeech = [value.GetString()!] },
                "partsOfSpeech" => options with { PartsOfSpeech = value.EnumerateArray().Select(v => v.GetString()!).ToArray() },
                "negatives" => options with { Negatives = NegativeRules.Parse(value.GetString()!) },
                _ => throw new ArgumentException($"data.params.{key} is not a parameter of the definitions tasks (partOfSpeech, partsOfSpeech, negatives)"),
            };
        }
        return options;
    }
}
