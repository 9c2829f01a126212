using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Application;

/// <summary>`diff`: two runs (keys, unique key prefixes or record paths) compared from their records alone (<see cref="RunDiff"/>).</summary>
public static class DiffVerb
{
    /// <exception cref="FileNotFoundException">No record matches a run; the message says where it looked.</exception>
    /// <exception cref="InvalidOperationException">A key prefix matches several runs.</exception>
    /// <exception cref="InvalidDataException">A record is damaged; the message starts with its path.</exception>
    public static RunDiff Run(string runsDirectory, string a, string b)
    {
        string directory = Path.GetFullPath(runsDirectory);
        return RunDiff.Of(RunIndex.Locate(directory, a), RunIndex.Locate(directory, b));
    }
}
