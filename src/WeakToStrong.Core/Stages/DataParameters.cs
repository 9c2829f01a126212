using System.Text.Json;
using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What a data stage reads: the task and its builder's version, its pinned sources and parameters, the split and the run seed.</summary>
/// <param name="BuilderVersion">The task builder's version when the plan was compiled; the data stage refuses to run another.</param>
/// <param name="Setting">The kind of items the manifest expects; the data stage refuses a task of the other setting.</param>
/// <param name="Params">Task-builder parameters as the builder reads them: every declared parameter, defaults filled in,
/// under its canonical name (<see cref="Tasks.TaskDescriptor.Normalise"/>).</param>
public sealed record DataParameters(
    string Task,
    string BuilderVersion,
    Setting Setting,
    IReadOnlyList<SourceSpec> Sources,
    SplitSpec Split,
    IReadOnlyDictionary<string, JsonElement> Params,
    int Seed) : StageParameters;
