namespace WeakToStrong.Runner.Executors.Slurm;

/// <summary>
/// Where job states come from: `squeue` for jobs Slurm still holds (pending, running), then the jobcomp file for
/// finished ones (JobCompType=jobcomp/filetxt: the one permanent record where there is no slurmdbd, so no sacct),
/// else `scontrol show job` (which remembers a finished job for MinJobAge, 300 s by default).
/// </summary>
public sealed class SlurmJobStates
{
    readonly string? _jobComp;
    long _jobCompRead;
    readonly Dictionary<string, SlurmJobState> _finished = new(StringComparer.Ordinal);

    SlurmJobStates(string? jobComp)
    {
        _jobComp = jobComp;
        // Only lines written from now on can be about the jobs this submitter follows.
        _jobCompRead = jobComp is not null && File.Exists(jobComp) ? new FileInfo(jobComp).Length : 0;
    }

    public static async Task<SlurmJobStates> OpenAsync(CancellationToken ct)
    {
        var config = await SlurmCommand.RunAsync("scontrol", ["show", "config"], ct);
        string? Value(string key) => config.Output.Split('\n')
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim() == key).Select(p => p[1].Trim()).FirstOrDefault();
        return new SlurmJobStates(Value("JobCompType") == "jobcomp/filetxt" ? Value("JobCompLoc") : null);
    }

    /// <summary>State names (PENDING, RUNNING, …) of this user's jobs that Slurm still holds, by job id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LiveAsync(CancellationToken ct)
    {
        var squeue = await SlurmCommand.RunAsync("squeue", ["--noheader", "--me", "--format=%i|%T"], ct);
        if (squeue.ExitCode != 0)
            throw new IOException($"squeue failed: {squeue.Said}");
        return squeue.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().Split('|')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    /// <summary>The final state of a job that left the queue, or null while Slurm has not written it anywhere yet.</summary>
    public async Task<SlurmJobState?> FinishedAsync(string jobId, CancellationToken ct)
    {
        ReadJobComp();
        if (_finished.TryGetValue(jobId, out var known)) return known;
        var show = await SlurmCommand.RunAsync("scontrol", ["show", "job", "--oneliner", jobId], ct);
        return show.ExitCode == 0 && SlurmJobState.Parse(show.Output) is { } state && IsFinal(state.State) ? state : null;
    }

    void ReadJobComp()
    {
        if (_jobComp is null || !File.Exists(_jobComp)) return;
        using var stream = new FileStream(_jobComp, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < _jobCompRead) _jobCompRead = 0; // rotated
        stream.Seek(_jobCompRead, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        string text = reader.ReadToEnd();
        int complete = text.LastIndexOf('\n') + 1; // a line being written is read next time
        _jobCompRead += System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, complete));
        foreach (var line in text[..complete].Split('\n'))
            if (SlurmJobState.Parse(line) is { } state) _finished[state.JobId] = state;
    }

    static bool IsFinal(string state) => state is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "SUSPENDED" or "REQUEUED" or "RESIZING" or "SIGNALING" or "STAGE_OUT");
}
