using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Experiments;

/// <summary>The experiments a user can name: the manifests `experiments/*.json`, except JSON schemas (`*.schema.json`).</summary>
public static class ExperimentCatalog
{
    /// <summary>Experiment ids (file names without `.json`), sorted ordinally; empty when the folder is missing.</summary>
    public static IReadOnlyList<string> List(string experimentsDirectory) =>
        new WeakToStrong.Runner.Experiments.ExperimentCatalog(experimentsDirectory).Ids(); // the runner's own listing: one rule for both

    /// <summary>
    /// True when <paramref name="id"/> names an experiment; otherwise throws one line that lists the available ones
    /// (and the nearest, when it looks like a typo), so `Reproduce --experiment does-not-exist` fails before anything runs.
    /// </summary>
    public static bool Require(string experimentsDirectory, string id)
    {
        var available = List(experimentsDirectory);
        if (available.Contains(id, StringComparer.Ordinal))
            return true;
        if (available.Count == 0)
            throw new HostException($"Unknown experiment '{id}': no experiments in {experimentsDirectory}.");
        var nearest = Suggestions.Nearest(id, available);
        var hint = nearest is null ? "" : $" Did you mean '{nearest}'?";
        throw new HostException($"Unknown experiment '{id}'.{hint} Available: {string.Join(", ", available)}.");
    }
}
