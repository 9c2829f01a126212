using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Provenance.Stages;

/// <summary>
/// One process at a time per stage key, across processes sharing a store: `&lt;store&gt;/locks/stage-&lt;key&gt;.lock`,
/// held open exclusively (the OS drops it when its holder dies) with the holder's pid beside it. A second run waits,
/// then finds the stage in the cache. Lock files are created and deleted only under `locks/.guard`, so nobody can
/// hold a deleted lock file while another process creates a fresh one under the same name. The holder also owns the
/// stage's scratch folders: any left by a killed holder of the same key are removed when the lock is taken.
/// </summary>
public sealed class StageLock : IDisposable
{
    readonly FileStream _held;
    readonly string _path;
    readonly string _guard;
    readonly string _tmp;
    readonly string _key;

    StageLock(FileStream held, string path, string guard, string tmp, string key)
    {
        _held = held; _path = path; _guard = guard; _tmp = tmp; _key = key;
    }

    /// <summary>True when another process held the stage when this one asked (so it may well be cached now).</summary>
    public bool Waited { get; private init; }

    /// <summary>Takes the lock of <paramref name="key"/>, telling <paramref name="waiting"/> once who holds it when it must wait.</summary>
    public static StageLock Acquire(string storeRoot, string key, string stageId, Action<string> waiting, CancellationToken ct = default)
    {
        string dir;
        try { dir = Directory.CreateDirectory(Path.Combine(storeRoot, "locks")).FullName; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreUnusableException.Writing(Path.Combine(storeRoot, "locks"), e);
        }
        string path = Path.Combine(dir, $"stage-{key}.lock");
        string guard = Path.Combine(dir, ".guard");
        bool waited = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            using (FileLock.Acquire(guard))
            {
                try
                {
                    var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    AtomicFile.WriteAllText(path + ".pid", Environment.ProcessId + "\n");
                    var stageLock = new StageLock(held, path, guard, Path.Combine(storeRoot, "tmp"), key) { Waited = waited };
                    stageLock.RemoveAbandonedScratch();
                    return stageLock;
                }
                catch (IOException) { }
            }
            if (!waited)
            {
                waited = true;
                waiting($"waiting for stage {stageId} held by pid {Holder(path)}");
            }
            Thread.Sleep(200);
        }
    }

    /// <summary>
    /// Where a training stage of this key keeps its resumable state (`tmp/resume-&lt;key&gt;`): unlike scratch, it outlives
    /// a killed holder, so the next holder continues from it; the holder removes it once the stage's output is stored.
    /// Keyed by the stage key, which hashes the stage's code (docs/architecture.md §4), so no other code resumes from it.
    /// </summary>
    /// <summary>What this stage's scratch folders' names start with (a killed holder's are found by it).</summary>
    string ScratchPrefix => $"stage-{_key[..16]}-";

    public string ResumeDirectory => Path.Combine(_tmp, "resume-" + _key);

    /// <summary>Removes <see cref="ResumeDirectory"/>: the stage's output is stored, nothing is left to resume.</summary>
    public void RemoveResumeState()
    {
        if (Directory.Exists(ResumeDirectory)) Directory.Delete(ResumeDirectory, recursive: true);
    }

    /// <summary>A fresh scratch folder for this stage under `tmp/`, removed by the caller or, after a crash, by the next holder.</summary>
    public string NewScratch() => Directory.CreateDirectory(Path.Combine(_tmp, ScratchPrefix + Guid.NewGuid().ToString("N"))).FullName;

    void RemoveAbandonedScratch()
    {
        if (!Directory.Exists(_tmp)) return;
        // Only this key's holder creates these, and this process holds the key now: any that exist were abandoned.
        foreach (var dir in Directory.EnumerateDirectories(_tmp, ScratchPrefix + "*"))
            try { Directory.Delete(dir, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    static string Holder(string path)
    {
        try { return File.ReadAllText(path + ".pid").Trim(); }
        catch (IOException) { return "unknown"; }
    }

    public void Dispose()
    {
        using (FileLock.Acquire(_guard))
        {
            File.Delete(_path + ".pid");
            File.Delete(_path);
            _held.Dispose();
        }
    }
}
