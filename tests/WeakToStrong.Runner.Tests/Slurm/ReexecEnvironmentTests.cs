using System.Runtime.Versioning;
using WeakToStrong.Runner.Tests.Runner;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Tests.Slurm;

/// <summary>
/// `w2s` as a user starts it re-executes itself (Cli/MallocSettings.cs) and its child reads the supervisor's pid from
/// W2S_REEXEC. sbatch exports the submitter's environment to every stage job, so a marker left in the child's
/// environment made each job's `w2s stage run` take slurmstepd for a dead supervisor and kill itself (exit 137, an
/// empty log), while every test passed: they all start the tool with the malloc variables set, so it never re-executes.
/// No cluster is needed to see it: Slurm's client commands here are scripts that write down the environment they got.
/// </summary>
[SupportedOSPlatform("linux")] // the re-exec is Linux-only (MallocSettings)
public sealed class ReexecEnvironmentTests : IDisposable
{
    readonly TinyExperiment _experiment = new();
    public void Dispose() => _experiment.Dispose();

    [Fact]
    public async Task ProcessesTheReexecutedToolStartsDoNotInheritTheSupervisorsMarker()
    {
        string bin = Directory.CreateDirectory(Path.Combine(_experiment.Root, "fake-slurm")).FullName;
        string seen = Path.Combine(_experiment.Root, "scontrol-environment");
        foreach (var tool in new[] { "sbatch", "squeue", "scontrol" })
        {
            string script = Path.Combine(bin, tool);
            // scontrol (asked first, `scontrol ping`) records what it inherited and says the controller is down.
            File.WriteAllText(script, tool == "scontrol"
                ? $"#!/bin/sh\nenv > '{seen}'\necho 'Slurmctld(primary) at fake is DOWN'\nexit 1\n"
                : "#!/bin/sh\nexit 1\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var (exitCode, _, error) = await ToolAsUsersStartIt.RunAsync(TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" },
            "reproduce", "--experiment", "tiny", "--experiments-dir", _experiment.ExperimentsDirectory,
            "--store", _experiment.NewStore(), "--runs-dir", _experiment.RunsDirectory, "--executor", "slurm");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("slurm: the controller (slurmctld) does not answer", error);
        var inherited = File.ReadAllLines(seen);
        // It did re-execute: the child set the whole malloc table for itself and its jobs.
        foreach (var (name, value) in MallocEnvironment.Settings) Assert.Contains($"{name}={value}", inherited);
        Assert.DoesNotContain(inherited, line => line.StartsWith("W2S_REEXEC=", StringComparison.Ordinal));
    }
}
