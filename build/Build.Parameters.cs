using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner;

/// <summary>The experiment parameters shared by Plan and Reproduce (docs/architecture.md §7: CLI > environment > nuke.json > .nuke/parameters.json > default).</summary>
partial class Build
{
    [Parameter("Experiment id: a manifest experiments/<id>.json.")]
    readonly string? Experiment;

    [Parameter("Scale to run at; the manifest's `scales` section adjusts it.")]
    readonly Scale Scale = Scale.Cpu;

    [Parameter("Device for training; cuda needs the CUDA backend (-p:TorchBackend=cuda).")]
    readonly Device Device = Device.Cpu;

    [Parameter("Seeds to run (--seeds 0 1 2); none means the manifest's own.")]
    readonly int[] Seeds = [];

    [Parameter("Manifest overrides path=value, applied last (--set training.epochs=1 --set seeds=[0]).")]
    readonly string[] Set = [];

    [Parameter("Root of the content store and caches; none means the user's cache folder.")]
    readonly string? Store;

    [Parameter("Torch threads; pinned so that re-runs are bit-identical (docs/architecture.md §9).")]
    readonly int? Threads;

    AbsolutePath ExperimentsDirectory => RootDirectory / "experiments";

    /// <summary>A requirement for Plan and Reproduce: the experiment exists, else one line listing those that do.</summary>
    bool ExperimentExists() => ExperimentCatalog.Require(ExperimentsDirectory, Experiment!);

    ReproduceRequest CreateRequest() =>
        ReproduceRequests.Create(RootDirectory, Experiment!, Scale, Device, Seeds, Set, Store, Threads, Arguments);
}
