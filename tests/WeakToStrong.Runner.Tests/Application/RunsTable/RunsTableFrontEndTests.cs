namespace WeakToStrong.Runner.Tests.Application.RunsTable;

/// <summary>`./build.sh Runs --table …` and `w2s runs --table …` print the same bytes (one application-layer call) and fail with the same line.</summary>
public sealed class RunsTableFrontEndTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-runs-table-parity-").FullName;
    string Runs => Path.Combine(root, "runs");

    public RunsTableFrontEndTests()
    {
        ReportRecordFixtures.BrownGenre(Runs);
        ReportRecordFixtures.Edited(Runs, h => h["manifest"]!["training"]!["lr"] = 0.0001);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Options, and a piece of what they print: the differing path's column, or (one run left) the run count.</summary>
    public static TheoryData<string[], string> Arguments() => new()
    {
        { [], "training.lr" }, { ["--md"], "| training.lr |" }, { ["--csv"], ",training.lr," }, { ["--json"], "\"training.lr\": 0.0001" },
        { ["--sort", "training.lr:desc", "--columns", "training.lr", "--columns", "pgr"], "training.lr" },
        { ["--where", "training.lr=0.0001"], "\n1 run; " },
    };

    [Theory, MemberData(nameof(Arguments))]
    public async Task Both_front_ends_print_the_same_table(string[] arguments, string printed)
    {
        var host = FrontEnds.Host(root, ["Runs", "--table", "--experiment", "brown-genre", .. arguments]);
        var tool = await FrontEnds.W2s(["runs", "--table", "-e", "brown-genre", "--runs-dir", Runs, .. arguments]);

        Assert.Equal((0, ""), (tool.ExitCode, tool.Error));
        Assert.Equal((0, ""), (host.ExitCode, host.Error));
        Assert.Contains(printed, tool.Output);
        Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Runs"));
    }

    [Fact]
    public async Task The_text_table_has_a_header_one_line_per_run_and_the_differing_path()
    {
        var tool = await FrontEnds.W2s("runs", "--table", "-e", "brown-genre", "--runs-dir", Runs, "--sort", "training.lr", "--columns", "training.lr");

        var lines = tool.Output.Split('\n');
        Assert.Equal("run           experiment   scale  finished                           training.lr", lines[0]);
        Assert.StartsWith("79a98310ab30  brown-genre  cpu    ", lines[1]);
        Assert.EndsWith("  0.00005", lines[1]);
        Assert.EndsWith("  0.0001", lines[2]);
        Assert.Equal("2 runs; manifest columns: the paths at which they differ", lines[3]);
    }

    [Fact]
    public async Task A_bad_sort_column_is_the_same_line_from_both_and_fails_both()
    {
        var host = FrontEnds.Host(root, "Runs", "--table", "--sort", "nope");
        var tool = await FrontEnds.W2s("runs", "--table", "--sort", "nope", "--runs-dir", Runs);

        Assert.Equal(1, tool.ExitCode);
        Assert.StartsWith("runs: --sort: no column 'nope'; the columns are: run, experiment, scale, finished, training.lr, ", tool.Error);
        Assert.Equal(WeakToStrong.Build.Host.ExitCodes.Failure, host.ExitCode);
        Assert.Contains($"Target 'Runs' failed: {tool.Error}", host.Error);
    }
}
