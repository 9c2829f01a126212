using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;

namespace WeakToStrong.Data.Tasks;

/// <summary>
/// A user's own binary classification data in the reference implementation's format (openai/weak-to-strong): one
/// JSONL file of <c>txt</c>/<c>hard_label</c> lines, label 0 or 1, optional <c>id</c> and <c>group</c>
/// (<see cref="UserData.ReadClassification"/>; without a group, identical texts share one, so a duplicate cannot
/// leak from train into test), in file order. A <c>soft_label</c> in the file is dropped, because ground-truth stages
/// (the weak model, the ceiling) must train on the item's hard label, never on someone's soft label; the same rule
/// as <see cref="PairwiseJsonlTask"/>.
/// </summary>
public sealed class ClassificationJsonlTask : ITaskBuilder<ClassificationItem>
{
    public const string Name = "classification-jsonl";
    public const string BuilderVersion = "1";

    /// <summary>Reads one source, usually a <c>path</c> source: the user's file.</summary>
    public TaskDescriptor Descriptor { get; } = new(Name, Setting.Classification, BuilderVersion, Sources: 1, Parameters: []);

    TaskBuild<ClassificationItem> ITaskBuilder<ClassificationItem>.Build(TaskInputs inputs) => Build(inputs.Source, inputs.SourceName);

    /// <param name="sourceDir">The fetched source: a folder holding exactly one file.</param>
    /// <param name="displayName">The user's name for the file (its manifest path), which errors point at.</param>
    public static TaskBuild<ClassificationItem> Build(string sourceDir, string? displayName = null)
    {
        var files = Directory.GetFiles(sourceDir);
        if (files.Length != 1)
            throw new InvalidOperationException($"{Name}: the source must be one JSONL file; {sourceDir} holds {files.Length} files");
        var items = UserData.ReadClassification(files[0], displayName, binary: true).Select(i => i with { SoftLabel = null }).ToList();
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["builderVersion"] = BuilderVersion,
            ["format"] = "txt/hard_label JSONL",
        };
        var stats = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["items"] = items.Count,
            ["positives"] = items.Count(i => i.HardLabel == 1),
        };
        return new TaskBuild<ClassificationItem>(Name, items, parameters, Seed: 0, Rng: "none", JsonlWriter.Hash(items), stats);
    }
}
