using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

/// <summary>The experiment parameters shared by Plan and Reproduce (docs/architecture.md §7: CLI > environment > nuke.json > .nuke/parameters.json > default).</summary>
partial class Build
{
    [Parameter("Experiment id: a manifest experiments/<id>.json.")]
    readonly string? Experiment;

    [Parameter("Scale to run at, one the manifest's `scales` declares; none means the manifest's `defaultScale`, else the manifest as written.")]
    readonly Scale? Scale;

    [Parameter("Device for training; cuda needs the CUDA backend (-p:TorchBackend=cuda).")]
    readonly Device Device = Device.Cpu;

    [Parameter("Seeds to run (--seeds 0 1 2); none means the manifest's own.")]
    readonly int[] Seeds = [];

    [Parameter("DeriveTolerances: the seed groups whose spread sets the tolerances.")]
    readonly int Groups = WeakToStrong.Runner.Application.Gate.GateDeriveVerb.DefaultGroups;

    [Parameter("DeriveTolerances: the further seed groups held to the snapshot's under those tolerances, counting false alarms (default: as many as --groups).")]
    readonly int? Checks;

    [Parameter("Manifest overrides path=value, applied last (--set training.epochs=1 --set seeds=[0]).")]
    readonly string[] Set = [];

    [Parameter("Root of the content store and caches; none means the user's cache folder.")]
    readonly string? Store;

    [Parameter("Torch threads; pinned so that re-runs are bit-identical (docs/architecture.md §9).")]
    readonly int? Threads;

    [Parameter("Plan, Reproduce, Runs, Audit, Results, Report, Diff: write the result as JSON (the same document as w2s --json).")]
    readonly bool Json;

    /// <summary>The same lookup as `w2s` (src/WeakToStrong.Runner/Experiments/Workspace.cs), started at the repository root.</summary>
    AbsolutePath ExperimentsDirectory => new(Workspace.Locate(RootDirectory).ExperimentsDirectory);

    /// <summary>A requirement for Plan and Reproduce: the experiment exists, else the shared catalog's one line.</summary>
    bool ExperimentExists()
    {
        new ExperimentCatalog(ExperimentsDirectory).Require(Experiment!);
        return true;
    }

    ReproduceRequest CreateRequest() =>
        ReproduceRequests.Create(RootDirectory, Experiment!, Scale, Device, Seeds, Set, Store, Threads, Arguments);
}
