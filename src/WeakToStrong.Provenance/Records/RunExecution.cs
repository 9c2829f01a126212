using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WeakToStrong.Provenance.Records;

/// <summary>
/// One execution of a run: how, where and when it ran (docs/architecture.md §6). Never hashed: every execution of the
/// same computation shares the run key, and the record keeps them all, oldest first, so that a re-run whose stages all
/// came from the store cannot hide who computed the numbers, when, on which commit and how long it took.
/// </summary>
public sealed record RunExecution
{
    public string? StartedAt { get; init; }
    public string? FinishedAt { get; init; }
    public double? Seconds { get; init; }
    public string? Host { get; init; }
    public string? Os { get; init; }
    public string? Cpu { get; init; }
    public int? LogicalCores { get; init; }

    /// <summary>The torch thread count used: a different one may change the bits (§9).</summary>
    public int? Threads { get; init; }

    public string? Device { get; init; }
    public IReadOnlyDictionary<string, string>? Malloc { get; init; }
    public GitState? Git { get; init; }
    public string? CommandLine { get; init; }

    /// <summary>Root of the store the execution used: Audit looks there by default.</summary>
    public string? Store { get; init; }

    /// <summary>What ran the stages; absent in records written before it was recorded (they all ran locally).</summary>
    public ExecutorInfo? Executor { get; init; }

    /// <summary>The name the user gave this execution (`--name`): provenance, never hashed; null when none was given.</summary>
    public string? Name { get; init; }

    /// <summary>The tags the user gave this execution (`--tag`, repeatable): provenance, never hashed; null when none.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<RecordedOverride> Overrides { get; init; } = [];
    public IReadOnlyList<StageExecution> Stages { get; init; } = [];

    /// <summary>Fields this version does not know (a newer writer's): kept, so that appending never drops them.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }

    /// <summary>How many stages were computed here rather than taken from the store.</summary>
    [JsonIgnore]
    public int Computed => Stages.Count(s => !s.Cached);
}

/// <summary>One stage of one execution: computed or taken from the store, how long it took, its throughput.</summary>
public sealed record StageExecution(string Id, bool Cached, double Seconds, JsonObject? Timing = null);

/// <summary>The commit checked out and whether tracked files differed from it (null where git was not available).</summary>
public sealed record GitState(string? Commit = null, bool? Dirty = null);

/// <summary>A `--set`, environment or scale override as applied to the manifest.</summary>
public sealed record RecordedOverride(string Path, string Value, string Origin);

/// <summary>
/// "local", or "slurm" with its plan file and the job id of each stage. A local run with `--jobs N` (N above 1) names
/// its plan file and <see cref="Processes"/>: each stage's bits depend on the execution's thread count, not on how many
/// ran beside it (docs/speed.md).
/// </summary>
public sealed record ExecutorInfo(string Name, string? Plan = null, IReadOnlyDictionary<string, string>? Jobs = null)
{
    /// <summary>How many stage processes ran at once (`--jobs`); null when the stages ran one at a time.</summary>
    public int? Processes { get; init; }

    public static ExecutorInfo Local { get; } = new("local");
}
