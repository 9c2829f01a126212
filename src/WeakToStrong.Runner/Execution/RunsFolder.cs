using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Execution;

/// <summary>
/// The folder a run writes its record into, checked before any stage runs: a file there (or above it) would otherwise
/// let the whole run train and then fail at its last step, writing the record.
/// </summary>
public static class RunsFolder
{
    /// <summary>Throws <see cref="UserError"/> with one line when a file stands where the folder must be.</summary>
    public static void Check(string runsDirectory)
    {
        string full = Path.GetFullPath(runsDirectory);
        for (string? at = full; at is not null; at = Path.GetDirectoryName(at))
            if (File.Exists(at))
                throw new UserError(at == full
                    ? $"--runs-dir {full} is a file, not a folder; give a folder for run records"
                    : $"--runs-dir {full}: {at} is a file, not a folder; give a folder for run records");
    }
}
