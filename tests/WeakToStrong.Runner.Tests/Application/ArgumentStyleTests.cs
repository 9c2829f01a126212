namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// One argument style across verbs and front-ends: the build host's parameter names (`--run`, `--bench-steps`) are
/// w2s's too; the old spellings `report &lt;run&gt;` and `bench --steps` still work and are hidden from the help.
/// </summary>
public sealed class ArgumentStyleTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-argument-style-").FullName;
    string Runs => Path.Combine(root, "runs");

    public ArgumentStyleTests() => ReportRecordFixtures.BrownGenre(Runs);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Report_takes_run_as_audit_and_the_host_do_and_the_old_positional_run_gives_the_same_output()
    {
        var named = await FrontEnds.W2s("report", "--run", "79a98310", "--runs-dir", Runs);
        var positional = await FrontEnds.W2s("report", "79a98310", "--runs-dir", Runs);
        var host = FrontEnds.Host(root, "Report", "--run", "79a98310");

        Assert.Equal((0, ""), (named.ExitCode, named.Error));
        Assert.Equal(named, positional);
        Assert.Equal(named.Output, FrontEnds.TargetOutput(host.Output, "Report"));
    }

    [Fact]
    public async Task Bench_steps_is_one_name_from_both_front_ends_and_the_old_steps_is_the_same_option()
    {
        string expected = "bench: --bench-steps must be at least 1 (got 0)";
        var named = await FrontEnds.W2s("bench", "--bench-steps", "0");
        var old = await FrontEnds.W2s("bench", "--steps", "0");
        var host = FrontEnds.Host(FrontEnds.RepositoryRoot, "Bench", "--bench-steps", "0");

        Assert.Equal((1, expected + "\n"), (named.ExitCode, named.Error));
        Assert.Equal(named, old);
        Assert.Contains($"Target 'Bench' failed: {expected}\n", host.Error);
    }

    [Fact]
    public async Task The_help_shows_the_one_style_and_hides_the_old_spellings()
    {
        var report = await FrontEnds.W2s("report", "--help");
        var bench = await FrontEnds.W2s("bench", "--help");

        Assert.Contains("\n  -r, --run <run>  ", report.Output);
        Assert.Contains("\n  --index  ", report.Output);
        Assert.Contains("Usage:\n  w2s report [options]\n", report.Output); // no positional <run> in the usage line
        Assert.Contains("--bench-steps", bench.Output);
        Assert.DoesNotContain("--steps", bench.Output.Replace("--bench-steps", "", StringComparison.Ordinal));
    }
}
