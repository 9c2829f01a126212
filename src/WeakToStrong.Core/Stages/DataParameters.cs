using System.Text.Json;
using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What a data stage reads: the task, its pinned sources and parameters, the split and the run seed.</summary>
/// <param name="Setting">The kind of items the manifest expects; the data stage refuses a task of the other setting.</param>
/// <param name="Params">Task-builder parameters, verbatim from the manifest (empty when none).</param>
public sealed record DataParameters(
    string Task,
    Setting Setting,
    IReadOnlyList<SourceSpec> Sources,
    SplitSpec Split,
    IReadOnlyDictionary<string, JsonElement> Params,
    int Seed) : StageParameters;
