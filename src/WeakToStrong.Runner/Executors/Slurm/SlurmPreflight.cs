using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Executors.Slurm;

/// <summary>
/// What must hold before any stage job is submitted, each failing in one line that names what is missing: Slurm's
/// client commands on PATH, a controller that answers, and a store that a job on a node can read and write (a
/// probe job), with the stage command's program present there.
/// </summary>
public static class SlurmPreflight
{
    static readonly string[] Commands = ["sbatch", "squeue", "scontrol"];

    public static void RequireClient()
    {
        foreach (var command in Commands)
            if (SlurmCommand.Find(command) is null)
                throw new UserError($"slurm: '{command}' is not on PATH; install Slurm's client commands (Debian: slurm-client) or load the cluster's Slurm module");
    }

    public static async Task RequireControllerAsync(CancellationToken ct)
    {
        var ping = await SlurmCommand.RunAsync("scontrol", ["ping"], ct);
        if (ping.ExitCode != 0 || !ping.Output.Contains("is UP", StringComparison.Ordinal))
            throw new UserError($"slurm: the controller (slurmctld) does not answer: scontrol ping says '{ping.Said}'");
    }

    /// <summary>
    /// Submits a probe job that reads a token written here into the store, writes it back, and checks that the stage
    /// command's program exists on its node; waits for it (`sbatch --wait`).
    /// </summary>
    public static async Task RequireSharedStoreAsync(string storeRoot, string program, IReadOnlyList<string> placement, CancellationToken ct)
    {
        string dir = Directory.CreateDirectory(Path.Combine(storeRoot, "slurm", "probes")).FullName;
        string token = Guid.NewGuid().ToString("N");
        string file = Path.Combine(dir, token);
        File.WriteAllText(file, token);
        try
        {
            string q(string s) => SlurmCommand.Quote(s);
            string script = $"test \"$(cat {q(file)} 2>/dev/null)\" = {q(token)} || exit 3; test -x {q(program)} || exit 4; echo {q(token)} > {q(file + ".seen")} || exit 5";
            var result = await SlurmCommand.RunAsync("sbatch",
                ["--parsable", "--wait", "--job-name=w2s-store-probe", "--output=/dev/null", .. placement, "--wrap", script], ct);
            string job = result.Output.Trim().Split('\n')[0].Split(';')[0];
            bool seen = File.Exists(file + ".seen") && File.ReadAllText(file + ".seen").Trim() == token;
            if (result.ExitCode == 0 && seen) return;
            throw new UserError(result.ExitCode switch
            {
                3 => $"slurm: the store {storeRoot} is not visible from a Slurm job (probe job {job}); put --store on storage the nodes share",
                4 => $"slurm: {program} is not on the nodes (probe job {job}); install the same build where the jobs run (docs/cluster.md)",
                5 or 0 => $"slurm: a Slurm job cannot write to the store {storeRoot} (probe job {job}); put --store on storage the nodes share, writable by the job's user",
                _ when job.Length == 0 => $"slurm: sbatch refused the probe job: {result.Said}",
                _ => $"slurm: the store probe job {job} failed (exit {result.ExitCode}): {result.Said}",
            });
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".seen");
        }
    }
}
