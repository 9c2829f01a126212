using System.Diagnostics;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Tests.Runner;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Tests.Slurm;

/// <summary>
/// A bad cluster setup fails `reproduce --executor slurm` in one line naming what is missing, before any stage job is
/// submitted: no sbatch on PATH, a controller that does not answer, a store the jobs cannot see.
/// </summary>
public class SlurmPreflightTests
{
    static string[] Reproduce(TinyExperiment experiment, string store) =>
        ["reproduce", "--experiment", "tiny", "--experiments-dir", experiment.ExperimentsDirectory,
         "--store", store, "--runs-dir", experiment.RunsDirectory, "--threads", "2", "--executor", "slurm"];

    static async Task<(int ExitCode, string Output, string Error)> W2s(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var p = W2sTool.Start(environment, args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await output, await error);
    }

    [Fact]
    public async Task WithoutSbatchOnPathTheRunFailsInOneLine()
    {
        using var experiment = new TinyExperiment();
        string empty = Directory.CreateDirectory(Path.Combine(experiment.Root, "empty-path")).FullName;
        var result = await W2s(new Dictionary<string, string> { ["PATH"] = empty }, Reproduce(experiment, experiment.NewStore()));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("slurm: 'sbatch' is not on PATH; install Slurm's client commands (Debian: slurm-client) or load the cluster's Slurm module\n", result.Error);
    }

    [Fact]
    public async Task A_slurm_option_without_executor_slurm_is_refused_in_one_line()
    {
        using var experiment = new TinyExperiment();
        var result = await W2sTool.RunAsync("reproduce", "--experiment", "tiny", "--experiments-dir", experiment.ExperimentsDirectory,
            "--store", experiment.NewStore(), "--runs-dir", experiment.RunsDirectory, "--partition", "gpu");

        Assert.Equal((1, "", "reproduce: --partition needs --executor slurm\n"), result);
    }

    [SlurmFact]
    public async Task WithTheControllerDownTheRunFailsInOneLine()
    {
        using var experiment = new TinyExperiment();
        // The real configuration with a port nobody listens on: the client commands are there, the controller is not.
        string conf = Path.Combine(experiment.Root, "slurm.conf");
        File.WriteAllLines(conf, File.ReadAllLines("/etc/slurm/slurm.conf").Where(l => !l.StartsWith("SlurmctldPort=", StringComparison.Ordinal)).Append("SlurmctldPort=6999"));
        var before = SlurmCluster.Queue().Keys.ToHashSet();
        var result = await W2s(new Dictionary<string, string> { ["SLURM_CONF"] = conf }, Reproduce(experiment, experiment.NewStore()));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^slurm: the controller \(slurmctld\) does not answer: scontrol ping says 'Slurmctld\(primary\) at \S+ is DOWN[^\n]*'\n$", result.Error);
        Assert.Empty(SlurmCluster.Queue().Keys.Except(before));
    }

    [SlurmFact(NeedsMountNamespace = true)]
    public async Task AStoreTheJobsCannotSeeFailsInOneLineBeforeAnyStageJob()
    {
        using var experiment = new TinyExperiment();
        string store = experiment.NewStore();
        // The submitter alone sees a tmpfs over the store (a private mount namespace); the jobs see the folder beneath.
        var psi = new ProcessStartInfo("unshare") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--mount", "--propagation", "private", "sh", "-c", "mount -t tmpfs w2s-private \"$0\" && exec \"$@\"", store, "dotnet", W2sTool.DllPath() })
            psi.ArgumentList.Add(a);
        foreach (var a in Reproduce(experiment, store)) psi.ArgumentList.Add(a);
        MallocEnvironment.Apply(psi.Environment);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(timeout.Token);

        Assert.True(p.ExitCode == 1, await output + await error);
        Assert.Matches($@"^slurm: the store {store} is not visible from a Slurm job \(probe job \d+\); put --store on storage the nodes share\n$", await error);
        Assert.DoesNotContain("jobs submitted", await output);
    }
}
