namespace WeakToStrong.Runner.Application.Gc;

/// <summary>What `gc` kept and removed (or, with <see cref="DryRun"/>, would remove) in a store.</summary>
public sealed record GcResult(string StoreRoot, string RunsDirectory, int Records, int ObjectsKept, long BytesKept, int EntriesKept,
    int ObjectsRemoved, long BytesFreed, int EntriesRemoved, bool DryRun)
{
    /// <summary>Training states of killed stages (`tmp/resume-&lt;key&gt;/`) removed, and their bytes (not in <see cref="BytesFreed"/>).</summary>
    public int ResumeStatesRemoved { get; init; }

    public long ResumeBytesFreed { get; init; }
}
