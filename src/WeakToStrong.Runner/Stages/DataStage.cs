using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Sources;
using WeakToStrong.Data.Splits;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Builds a task from its pinned sources and splits it train1/train2/test(/validation) for one run seed. The
/// builder comes from the task catalog by name; what is written depends only on the kind of items it builds:
/// classification items for the classification tasks, preference pairs for the reward-model tasks.
/// </summary>
public static class DataStage
{
    /// <summary>The split seed: the manifest's base seed and the run seed, both kept whole (neither can collide).</summary>
    public static ulong SplitSeed(int baseSeed, int runSeed) => ((ulong)(uint)baseSeed << 32) | (uint)runSeed;

    public static async Task<StageResult> RunAsync(DataParameters data, SourceCache sources, string workDir, CancellationToken ct)
    {
        int runSeed = data.Seed;
        var builder = TaskCatalog.Default.Builder(data.Task);
        var task = builder.Descriptor;
        // Later stages read the setting from this stage's parameters, so the kind of item a stage trains on is part
        // of what its data input's key hashes: a task of the other setting is refused before anything is fetched.
        if (task.Setting != data.Setting)
            throw new InvalidOperationException(
                $"task '{data.Task}' builds {Describe(task.Setting)} items, but the manifest's setting is {Describe(data.Setting)}");
        if (task.BuilderVersion != data.BuilderVersion)
            throw new InvalidOperationException(
                $"task '{data.Task}' was planned with builder version {data.BuilderVersion}, but this build's is {task.BuilderVersion}: plan again");
        if (data.Sources.Count != task.Sources)
            throw new InvalidOperationException($"task '{data.Task}' reads {task.Sources} source(s); the stage declares {data.Sources.Count}");
        // Normalising normalised parameters changes nothing; anything else (an unknown key, a wrong type) throws here.
        var parameters = task.Normalise(data.Params);

        var fetched = new List<string>();
        var names = new List<string>();
        foreach (var source in data.Sources)
        {
            var spec = PinnedSource.Of(source);
            fetched.Add((await sources.GetAsync(spec, ct)).ContentDir);
            // What the user wrote: a path or URL as such, a registry package by its spec.
            names.Add(spec.Kind is SourceKind.File or SourceKind.Url ? spec.Location! : spec.Id);
        }

        ulong seed = SplitSeed(data.Split.Seed, runSeed);
        var inputs = new TaskInputs(fetched, parameters, seed) { Names = names };
        var sizes = data.Split;
        switch (builder)
        {
            case ITaskBuilder<ClassificationItem> classification:
            {
                var build = classification.Build(inputs);
                var splits = Splitter.Split(build.Items, sizes, seed, data.Task);
                return StageResult.Of(Write(splits, JsonlWriter.ToBytes, workDir),
                    Metrics(build) with { PositiveRate = Rates(splits, items => items.Count(i => i.HardLabel == 1)) });
            }
            case ITaskBuilder<PairwiseItem> pairwise:
            {
                var build = pairwise.Build(inputs);
                var splits = Splitter.Split(build.Items, sizes, seed, data.Task);
                // How often the chosen response is presented first (PairOrder): ~0.5 means ground truth is not constant.
                return StageResult.Of(Write(splits, JsonlWriter.ToBytes, workDir),
                    Metrics(build) with { ChosenFirstRate = Rates(splits, items => items.Count(i => PairOrder.ChosenFirst(i, runSeed))) });
            }
            default:
                throw new InvalidOperationException($"task '{data.Task}' builds neither classification items nor preference pairs");
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

    static DataMetrics Metrics<T>(TaskBuild<T> build) => new(build.Task, build.Rng, build.Seed, build.Items.Count, build.ContentHash)
    {
        TaskParameters = new SortedDictionary<string, string>(build.Parameters.ToDictionary(), StringComparer.Ordinal),
        TaskStats = new SortedDictionary<string, int>(build.Stats.ToDictionary(), StringComparer.Ordinal),
    };

    static SplitRates Rates<T>(Splits<T> splits, Func<IReadOnlyList<T>, int> count)
    {
        double Rate(IReadOnlyList<T> items) => items.Count == 0 ? 0 : Math.Round(count(items) / (double)items.Count, 6);
        return new SplitRates(Rate(splits.Train1), Rate(splits.Train2), Rate(splits.Test));
    }
}
