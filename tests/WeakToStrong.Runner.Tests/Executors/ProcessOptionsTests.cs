using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Executors;
using WeakToStrong.Runner.Executors.Processes;

namespace WeakToStrong.Runner.Tests.Executors;

/// <summary>`--jobs`, as both front-ends bind it: absent or 1 runs one stage at a time here; nonsense is one line.</summary>
public class ProcessOptionsTests
{
    static IReadOnlyList<string> Command(StageJob job) => ["w2s", "stage", "run", "--stage", job.StageId];

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    public void No_jobs_or_one_runs_the_stages_in_this_process(int? jobs) =>
        Assert.Null(ProcessOptions.For(jobs, slurm: false, Command));

    [Fact]
    public void Two_jobs_keep_the_front_ends_stage_command()
    {
        var options = ProcessOptions.For(2, slurm: false, Command)!;
        Assert.Equal(2, options.Jobs);
        Assert.Equal(["w2s", "stage", "run", "--stage", "weak/w64/s0"], options.StageCommand(new StageJob("p.json", "weak/w64/s0", "/s", 1, "cpu")));
    }

    [Theory]
    [InlineData(0, "--jobs must be between 1 and 1024 (got 0)")]
    [InlineData(-3, "--jobs must be between 1 and 1024 (got -3)")]
    [InlineData(1025, "--jobs must be between 1 and 1024 (got 1025)")]
    public void A_count_out_of_range_is_refused_in_one_line(int jobs, string message) =>
        Assert.Equal(message, Assert.Throws<UserError>(() => ProcessOptions.For(jobs, slurm: false, Command)).Message);

    [Fact]
    public void Jobs_with_the_slurm_executor_are_refused_because_slurm_places_the_stages() =>
        Assert.Equal("--jobs is for the local executor: with --executor slurm, Slurm places the stage jobs",
            Assert.Throws<UserError>(() => ProcessOptions.For(2, slurm: true, Command)).Message);
}
