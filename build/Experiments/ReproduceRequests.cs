using WeakToStrong.Build.Host.Text;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Build.Experiments;

/// <summary>Maps the host's bound parameters onto the runner's request: the one seam between build/ and the shared library.</summary>
public static class ReproduceRequests
{
    /// <param name="scale">Null: the manifest's `defaultScale`, the same rule as `w2s reproduce` without --scale.</param>
    public static ReproduceRequest Create(string rootDirectory, string experiment, Scale? scale, Device device,
        IReadOnlyList<int> seeds, IReadOnlyList<string> sets, string? store, int? threads, IReadOnlyList<string> arguments) => new()
    {
        Experiment = experiment,
        ExperimentsDirectory = Workspace.Locate(rootDirectory).ExperimentsDirectory,
        RunsDirectory = Workspace.Locate(rootDirectory).RunsDirectory,
        Scale = scale is { } named ? NameStyle.Kebab(named.ToString()) : null,
        Device = NameStyle.Kebab(device.ToString()),
        Seeds = seeds.ToArray(),
        Sets = sets.ToArray(),
        // A blank store stays blank, so that the shared check refuses it (made absolute, " " was a folder in the root).
        StoreRoot = string.IsNullOrEmpty(store) ? null : string.IsNullOrWhiteSpace(store) ? store : Path.GetFullPath(store, rootDirectory),
        Threads = threads,
        CommandLine = string.Join(' ', new[] { "./build.sh" }.Concat(arguments.Select(Quote))),
    };

    /// <summary>Quotes an argument the way a POSIX shell would need it, so the recorded command line can be pasted back.</summary>
    public static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_.=/:,+@".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''") + "'";
}
