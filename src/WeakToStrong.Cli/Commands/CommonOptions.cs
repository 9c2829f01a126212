using System.CommandLine;

namespace WeakToStrong.Cli.Commands;

/// <summary>Options shared by the verbs, named as the build host's parameters are.</summary>
static class CommonOptions
{
    public static Option<string> Experiment() => new("--experiment", "-e") { Description = "Experiment id (a manifest in the experiments folder).", Required = true };
    public static Option<string?> Scale() => new("--scale") { Description = "Scale overrides to apply: smoke, cpu or paper (default: the manifest as written)." };
    public static Option<string[]> Set() => new("--set") { Description = "Override a manifest value, e.g. --set training.epochs=1 (repeatable).", AllowMultipleArgumentsPerToken = false };
    public static Option<string> ExperimentsDir() => new("--experiments-dir") { Description = "Folder of manifests.", DefaultValueFactory = _ => "experiments" };
    public static Option<string> RunsDir() => new("--runs-dir") { Description = "Folder of run records.", DefaultValueFactory = _ => "runs" };
    public static Option<bool> Json() => new("--json") { Description = "Write machine-readable JSON instead of text." };
}
