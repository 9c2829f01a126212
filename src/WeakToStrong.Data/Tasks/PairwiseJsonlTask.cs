using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;

namespace WeakToStrong.Data.Tasks;

/// <summary>
/// A user's own preference pairs (the paper's ChatGPT reward-modelling data is not public): one JSONL file of
/// <c>prompt</c>/<c>chosen</c>/<c>rejected</c> lines (<see cref="UserData.ReadPairwise"/>), in file order. Ground
/// truth is "chosen ≻ rejected"; a <c>soft_preference</c> in the file is dropped, because ground-truth stages
/// (the weak model, the ceiling) must train on the pair's hard preference, never on someone's soft label.
/// </summary>
public sealed class PairwiseJsonlTask : ITaskBuilder<PairwiseItem>
{
    public const string Name = "pairwise-jsonl";
    public const string BuilderVersion = "1";

    /// <summary>Reads one source, usually a <c>path</c> source: the user's file.</summary>
    public TaskDescriptor Descriptor { get; } = new(Name, Setting.RewardModel, BuilderVersion, Sources: 1, Parameters: []);

    TaskBuild<PairwiseItem> ITaskBuilder<PairwiseItem>.Build(TaskInputs inputs) => Build(inputs.Source, inputs.SourceName);

    /// <param name="sourceDir">The fetched source: a folder holding exactly one file.</param>
    /// <param name="displayName">The user's name for the file (its manifest path), which errors point at.</param>
    public static TaskBuild<PairwiseItem> Build(string sourceDir, string? displayName = null)
    {
        var files = Directory.GetFiles(sourceDir);
        if (files.Length != 1)
            throw new InvalidOperationException($"{Name}: the source must be one JSONL file; {sourceDir} holds {files.Length} files");
        var items = UserData.ReadPairwise(files[0], displayName).Select(i => i with { SoftPreference = null }).ToList();
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["builderVersion"] = BuilderVersion,
            ["format"] = "prompt/chosen/rejected JSONL",
        };
        return new TaskBuild<PairwiseItem>(Name, items, parameters, Seed: 0, Rng: "none", JsonlWriter.Hash(items),
            new SortedDictionary<string, int>(StringComparer.Ordinal) { ["items"] = items.Count });
    }
}
