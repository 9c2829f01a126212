using System.CommandLine;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

/// <summary>Options shared by the verbs, named as the build host's parameters are.</summary>
static class CommonOptions
{
    public static Option<string> Experiment() => new("--experiment", "-e") { Description = "Experiment id (a manifest in the experiments folder).", Required = true };
    public static Option<string?> Scale() => new("--scale") { Description = "Scale to run at, one the manifest's `scales` declares (default: the manifest's `defaultScale`, else the manifest as written)." };
    public static Option<int[]> Seeds() => new("--seeds") { Description = "Run seeds (default: the manifest's).", AllowMultipleArgumentsPerToken = true };
    public static Option<string[]> Set() => new("--set") { Description = "Override a manifest value, e.g. --set training.epochs=1 (repeatable).", AllowMultipleArgumentsPerToken = false };
    // Defaults: experiments/ and runs/ of the nearest folder upwards that has experiments/ (Runner/Experiments/Workspace.cs).
    public static Option<string> ExperimentsDir() => new("--experiments-dir") { Description = "Folder of manifests (default: experiments/ in the working folder or the nearest folder above it that has one).", DefaultValueFactory = _ => Workspace.FromCurrentDirectory().ExperimentsDirectory };
    public static Option<string> RunsDir() => new("--runs-dir") { Description = "Folder of run records (default: runs/ beside that experiments/).", DefaultValueFactory = _ => Workspace.FromCurrentDirectory().RunsDirectory };
    public static Option<string> ResultsOut() => new("--out") { Description = "Where the results Markdown goes.", DefaultValueFactory = _ => "docs/results.md" };
    /// <summary>`--experiments a,b` (or `a b`) for the verbs over several experiments; each says what its default is.</summary>
    public static Option<string[]> Experiments(string description) => new("--experiments") { Description = description, AllowMultipleArgumentsPerToken = true };
    public static Option<int?> Threads(string description = "Torch threads (pinned and recorded; default: all cores).") =>
        new("--threads") { Description = description, CustomParser = WholeNumber };

    public static Option<int?> Jobs() =>
        new("--jobs") { Description = "Stages at once, each in its own process at --threads threads (default 1; with N, threads default to cores / N; docs/speed.md).", CustomParser = WholeNumber };

    /// <summary>An int option's value, refused in the words a user reads (the default parser names `System.Nullable`1[System.Int32]`).</summary>
    public static int? WholeNumber(System.CommandLine.Parsing.ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int n)) return n;
        string option = (result.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name ?? "the option";
        result.AddError($"{option} must be a whole number (got '{token}')");
        return null;
    }
    public static Option<string?> Store(string description = "Content store root (default: ~/.cache/weak-to-strong or W2S_STORE).") => new("--store") { Description = description };
    public static Option<bool> Json() => new("--json") { Description = "Write machine-readable JSON instead of text." };

    /// <summary>The command line as typed, for the run record's provenance.</summary>
    public static string CommandLine() => "w2s " + string.Join(' ', System.Environment.GetCommandLineArgs().Skip(1));
}
