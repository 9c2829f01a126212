using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Application.Gc;

/// <summary>
/// `gc` (DVC's `dvc gc`): removes the store objects and stage cache entries that no record under the runs folder names.
/// A record names every stage's key and every output, so what it needs to be audited or re-read stays; everything a run
/// computed and never recorded (an abandoned or killed run, a changed parameter's old stages) goes. The pinned-source
/// cache beside a default store (`sources/`), the quarantine and the Slurm folder are left alone. The saved states of
/// killed training stages (`tmp/resume-&lt;key&gt;/`, docs/architecture.md §5) go too: no lock is held, so none is in use,
/// and a re-run of such a stage starts it over instead of resuming.
/// It refuses while a stage lock is held (a run is computing in this store), and holds `locks/.guard` throughout, so no
/// run can take a new stage lock meanwhile. A run that is between two stages when gc starts loses the stages it has
/// finished but not yet recorded, and computes them again when it reads them.
/// </summary>
public static class GcVerb
{
    /// <exception cref="UserError">No store there, a held stage lock, or a record that cannot be read (nothing is removed then).</exception>
    public static GcResult Run(string? storeRoot, string runsDirectory, bool dryRun)
    {
        string root = ContentStore.RootFrom(storeRoot);
        if (!Directory.Exists(Path.Combine(root, "objects")))
            throw new UserError($"gc: no store at {root} (no objects/ folder); nothing to collect");
        string runs = Path.GetFullPath(runsDirectory);
        string locks = Directory.CreateDirectory(Path.Combine(root, "locks")).FullName;
        using var guard = FileLock.Acquire(Path.Combine(locks, ".guard"), TimeSpan.FromSeconds(10));
        if (HeldStageLock(locks) is { } held)
            throw new UserError($"gc: a run is computing in {root} ({Path.GetFileName(held)} is held); run gc when it has ended");

        var (records, keys, objects) = Referenced(runs);
        var (objectsKept, bytesKept, objectsRemoved, bytesFreed) = Sweep(root, objects, dryRun);
        var (entriesKept, entriesRemoved) = SweepEntries(root, keys, dryRun);
        var (states, stateBytes) = SweepResumeStates(root, dryRun);
        return new GcResult(root, runs, records, objectsKept, bytesKept, entriesKept, objectsRemoved, bytesFreed, entriesRemoved, dryRun)
        {
            ResumeStatesRemoved = states, ResumeBytesFreed = stateBytes,
        };
    }

    /// <summary>A stage lock some process holds open (FileShare.None), or null.</summary>
    static string? HeldStageLock(string locks)
    {
        foreach (var file in Directory.GetFiles(locks, "stage-*.lock"))
            try
            {
                using var _ = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (FileNotFoundException) { }
            catch (IOException) { return file; }
        return null;
    }

    /// <summary>Every stage key and output object the records under <paramref name="runs"/> name.</summary>
    static (int Records, HashSet<string> Keys, HashSet<string> Objects) Referenced(string runs)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var objects = new HashSet<string>(StringComparer.Ordinal);
        int records = 0;
        if (!Directory.Exists(runs)) return (0, keys, objects);
        foreach (var experiment in Directory.GetDirectories(runs))
            foreach (var file in Directory.GetFiles(experiment, "*.json"))
            {
                try
                {
                    foreach (var stage in RunRecord.Read(file).Stages)
                    {
                        keys.Add(stage.Key);
                        foreach (var output in stage.Outputs.Values) objects.Add(output.Sha256);
                    }
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    throw new UserError($"gc: cannot read run record {file} ({e.Message}); nothing removed: move it aside or repair it first");
                }
                records++;
            }
        return (records, keys, objects);
    }

    static (int Kept, long BytesKept, int Removed, long BytesFreed) Sweep(string root, HashSet<string> referenced, bool dryRun)
    {
        int kept = 0, removed = 0;
        long bytesKept = 0, freed = 0;
        string objects = Path.Combine(root, "objects", "sha256");
        if (!Directory.Exists(objects)) return (0, 0, 0, 0);
        foreach (var prefix in Directory.GetDirectories(objects))
            foreach (var file in Directory.GetFiles(prefix))
            {
                string sha = Path.GetFileName(prefix) + Path.GetFileName(file);
                long size = new FileInfo(file).Length;
                if (referenced.Contains(sha)) { kept++; bytesKept += size; continue; }
                if (!dryRun) File.Delete(file);
                removed++;
                freed += size;
            }
        return (kept, bytesKept, removed, freed);
    }

    static (int Removed, long Bytes) SweepResumeStates(string root, bool dryRun)
    {
        string tmp = Path.Combine(root, "tmp");
        if (!Directory.Exists(tmp)) return (0, 0);
        int removed = 0;
        long bytes = 0;
        foreach (var state in Directory.GetDirectories(tmp, "resume-*"))
        {
            bytes += Directory.GetFiles(state, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            if (!dryRun) Directory.Delete(state, recursive: true);
            removed++;
        }
        return (removed, bytes);
    }

    static (int Kept, int Removed) SweepEntries(string root, HashSet<string> referenced, bool dryRun)
    {
        int kept = 0, removed = 0;
        string stages = Path.Combine(root, "stages");
        if (!Directory.Exists(stages)) return (0, 0);
        foreach (var file in Directory.GetFiles(stages, "*.json", SearchOption.AllDirectories))
        {
            if (referenced.Contains(Path.GetFileNameWithoutExtension(file))) { kept++; continue; }
            if (!dryRun) File.Delete(file);
            removed++;
        }
        return (kept, removed);
    }
}
