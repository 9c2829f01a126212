using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Application;

/// <summary>What `runs` lists: past runs found under <see cref="RunsDirectory"/> (absolute), of one experiment or all.</summary>
public sealed record RunsResult(string RunsDirectory, string? Experiment, IReadOnlyList<RunSummary> Runs);

/// <summary>`runs`: past runs from their records (the records are the index), oldest first.</summary>
public static class RunsVerb
{
    /// <param name="experiment">Only this experiment's runs; null or empty lists every experiment's.</param>
    public static RunsResult List(string runsDirectory, string? experiment)
    {
        // Absolute, so that the listed paths are the same whichever front-end (and working folder) asked.
        string directory = Path.GetFullPath(runsDirectory);
        string? only = string.IsNullOrEmpty(experiment) ? null : experiment;
        return new RunsResult(directory, only, RunIndex.List(directory, only));
    }
}
