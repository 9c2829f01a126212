using WeakToStrong.Build.Host;
using System.Text.Json.Nodes;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// `./build.sh X` and `w2s x` are two shells over one application layer: for the same arguments they print the same
/// bytes (the host adds only its target header and summary table around them) and fail with the same line.
/// </summary>
public sealed class FrontEndParityTests : IDisposable
{
    static readonly string Experiments = Path.Combine(FrontEnds.RepositoryRoot, "experiments");
    readonly SyntheticRun run = new();

    public FrontEndParityTests()
    {
        // A second record beside the synthetic one: a finished run with per-loss PGR, one not measured.
        // Keyed as the tool keys records: `runs` marks a record whose key is not its hashed part's hash.
        var hashed = JsonNode.Parse("""
            { "experiment": "nlp-definitions", "scale": "cpu", "metrics": { "summary": { "pairs": [], "medianPgrByLoss": { "xent": 0.5123, "logconf": null }, "flagged": [] } } }
            """)!.AsObject();
        second = new RunRecord(hashed, new JsonObject { ["finishedAt"] = "2026-01-02T03:04:05+00:00" });
        second.Write(Path.Combine(run.Root, "runs"));
    }

    readonly RunRecord second;

    public void Dispose() => run.Dispose();

    public static TheoryData<string[]> PlanArguments() => new()
    {
        { ["--experiment", "nlp-definitions"] },
        { ["--experiment", "nlp-definitions", "--scale", "smoke", "--seeds", "0", "1", "--set", "training.epochs=1"] },
        { ["--experiment", "chatgpt-rm", "--scale", "smoke", "--set", "seeds=[0]"] },
    };

    [Theory, MemberData(nameof(PlanArguments))]
    public async Task Plan_text_is_byte_identical_from_the_host_and_the_tool(string[] arguments)
    {
        var host = FrontEnds.Host(FrontEnds.RepositoryRoot, ["Plan", .. arguments]);
        var tool = await FrontEnds.W2s(["plan", .. arguments, "--experiments-dir", Experiments]);

        Assert.Equal((0, ""), (host.ExitCode, host.Error));
        Assert.Equal((0, ""), (tool.ExitCode, tool.Error));
        Assert.Matches("\"integrity\": \"sha512-[^\"]*\\+", tool.Output); // '+' as written in the manifests,
        Assert.DoesNotContain("\\u002B", tool.Output);                      // not escaped as \u002B
        Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Plan"));
    }

    [Theory, MemberData(nameof(PlanArguments))]
    public async Task Plan_json_is_byte_identical_from_the_host_and_the_tool(string[] arguments)
    {
        var host = FrontEnds.Host(FrontEnds.RepositoryRoot, ["Plan", .. arguments, "--json"]);
        var tool = await FrontEnds.W2s(["plan", .. arguments, "--experiments-dir", Experiments, "--json"]);

        Assert.Equal(0, tool.ExitCode);
        var document = JsonNode.Parse(tool.Output)!;
        Assert.Equal((string)document["manifest"]!["id"]!, (string)document["plan"]!["experiment"]!);
        Assert.DoesNotContain("\\u00", tool.Output);
        Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Plan"));
    }

    [Fact]
    public async Task Without_a_scale_both_plan_the_manifests_default_scale()
    {
        var host = FrontEnds.Host(FrontEnds.RepositoryRoot, "Plan", "--experiment", "chatgpt-rm");
        var tool = await FrontEnds.W2s("plan", "-e", "chatgpt-rm", "--experiments-dir", Experiments);

        Assert.Contains("\nPlan for chatgpt-rm at scale cpu: ", tool.Output);
        Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Plan"));
    }

    [Fact]
    public async Task Runs_json_is_byte_identical_from_the_host_and_the_tool()
    {
        var host = FrontEnds.Host(run.Root, "Runs", "--json");
        var tool = await FrontEnds.W2s("runs", "--runs-dir", Path.Combine(run.Root, "runs"), "--json");

        Assert.Equal(0, tool.ExitCode);
        var runs = JsonNode.Parse(tool.Output)!.AsArray();
        Assert.Equal(["synthetic", "nlp-definitions"], runs.Select(r => (string)r!["experiment"]!));
        Assert.Equal(run.RecordPath, (string)runs[0]!["path"]!);
        Assert.Equal("""{"xent":0.5123,"logconf":null}""", runs[1]!["medianPgrByLoss"]!.ToJsonString());
        Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Runs"));
    }

    [Fact]
    public async Task Runs_text_is_byte_identical_from_the_host_and_the_tool_and_narrows_to_one_experiment()
    {
        var host = FrontEnds.Host(run.Root, "Runs", "--experiment", "nlp-definitions");
        var tool = await FrontEnds.W2s("runs", "-e", "nlp-definitions", "--runs-dir", Path.Combine(run.Root, "runs"));

        Assert.Equal($"nlp-definitions      {second.RunKey[..12]}  cpu    2026-01-02T03:04:05+00:00          xent 0.512 logconf n/a\n", tool.Output);
        Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Runs"));
    }

    [Fact]
    public async Task Audit_json_is_byte_identical_from_the_host_and_the_tool()
    {
        string store = Path.Combine(run.Root, "store");
        var host = FrontEnds.Host(run.Root, "Audit", "--run", run.Record.RunKey[..12], "--store", store, "--json");
        var tool = await FrontEnds.W2s("audit", "--run", run.Record.RunKey[..12], "--store", store, "--json",
            "--runs-dir", Path.Combine(run.Root, "runs"), "--experiments-dir", Path.Combine(run.Root, "experiments"));

        // Not clean: the synthetic experiment has no manifest today. Both say so by their exit status.
        Assert.Equal((ExitCodes.Failure, 1), (host.ExitCode, tool.ExitCode)); // the host's is NUKE's (build/Host/ExitCodes.cs)
        Assert.Equal(run.Record.RunKey, (string)JsonNode.Parse(tool.Output)!["runKey"]!);
        Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Audit"));
    }

    [Fact]
    public async Task An_unknown_experiment_is_the_same_one_line_from_both_and_fails_both()
    {
        const string expected = "--experiment nlp-definition: error W2S0100: Unknown experiment 'nlp-definition'. " +
                                "Did you mean 'nlp-definitions'? Available: brown-genre, chatgpt-rm, fine-foods, nlp-definitions, nlp-hypernym, nlp-spam.\n";
        foreach (var (target, verb) in new[] { ("Plan", "plan"), ("Reproduce", "reproduce") })
        {
            var host = FrontEnds.Host(FrontEnds.RepositoryRoot, target, "--experiment", "nlp-definition");
            var tool = await FrontEnds.W2s(verb, "-e", "nlp-definition", "--experiments-dir", Experiments);

            Assert.Equal((ExitCodes.Failure, expected), (host.ExitCode, host.Error));
            Assert.Equal((1, expected), (tool.ExitCode, tool.Error));
            Assert.Equal("", host.Output); // a requirement: nothing ran, not even the target header
        }
    }

    /// <summary>A repository-like root with sample records under runs/, for the results verb (the fixture's second record is not a full record).</summary>
    static string ResultsRoot()
    {
        string root = Directory.CreateTempSubdirectory("w2s-results-parity-").FullName;
        ResultRecordFiles.WriteSample(Path.Combine(root, "runs"));
        return root;
    }

    public static TheoryData<string[]> ResultsArguments() => new() { { [] }, { ["--scale", "cpu"] }, { ["--json"] } };

    [Theory, MemberData(nameof(ResultsArguments))]
    public async Task Results_output_and_markdown_are_byte_identical_from_the_host_and_the_tool(string[] arguments)
    {
        string root = ResultsRoot();
        string markdown = Path.Combine(root, "docs", "results.md");
        try
        {
            var host = FrontEnds.Host(root, ["Results", .. arguments]);
            string fromHost = File.ReadAllText(markdown);
            File.Delete(markdown);
            var tool = await FrontEnds.W2s(["results", "--runs", Path.Combine(root, "runs"), "--out", markdown, .. arguments]);

            Assert.Equal((0, ""), (host.ExitCode, host.Error));
            Assert.Equal((0, ""), (tool.ExitCode, tool.Error));
            Assert.Equal(fromHost, File.ReadAllText(markdown));
            Assert.StartsWith("# Weak-to-strong results, as measured\n", fromHost);
            Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Results"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_record_is_the_same_located_line_from_both_with_exit_code_1()
    {
        string root = ResultsRoot();
        string bad = Path.Combine(root, "runs", "beta", new string('f', 64) + ".json");
        File.WriteAllText(bad, "not json");
        try
        {
            var host = FrontEnds.Host(root, "Results");
            var tool = await FrontEnds.W2s("results", "--runs-dir", Path.Combine(root, "runs"), "--out", Path.Combine(root, "docs", "results.md"));

            Assert.Equal((ExitCodes.Failure, 1), (host.ExitCode, tool.ExitCode)); // the host's is NUKE's (build/Host/ExitCodes.cs)
            string line = tool.Error.TrimEnd('\n');
            Assert.StartsWith($"error: {bad}: not a readable run record (", line);
            Assert.Contains($"Target 'Results' failed: {line["error: ".Length..]}\n", host.Error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("Suite", "suite")]
    [InlineData("Gate", "gate")]
    [InlineData("Bench", "bench")]
    public async Task A_verb_over_several_experiments_with_an_unknown_one_is_the_same_one_line_from_both_before_anything_runs(string target, string verb)
    {
        const string expected = "--experiment nlp-spm: error W2S0100: Unknown experiment 'nlp-spm'. " +
                                "Did you mean 'nlp-spam'? Available: brown-genre, chatgpt-rm, fine-foods, nlp-definitions, nlp-hypernym, nlp-spam.";
        var host = FrontEnds.Host(FrontEnds.RepositoryRoot, target, "--experiments", "brown-genre,nlp-spm");
        var tool = await FrontEnds.W2s(verb, "--experiments", "brown-genre,nlp-spm", "--experiments-dir", Experiments);

        Assert.Equal((1, expected + "\n"), (tool.ExitCode, tool.Error));
        Assert.Equal(ExitCodes.Failure, host.ExitCode);
        Assert.Contains($"Target '{target}' failed: {expected}\n", host.Error);
        Assert.DoesNotContain($"{verb} 1/", host.Output + host.Error + tool.Output + tool.Error); // nothing ran
    }

    /// <summary>A repository-like root with brown-genre's real record under runs/, for `report` and `diff`.</summary>
    static string RecordsRoot()
    {
        string root = Directory.CreateTempSubdirectory("w2s-report-parity-").FullName;
        ReportRecordFixtures.BrownGenre(Path.Combine(root, "runs"));
        return root;
    }

    public static TheoryData<string[]> ReportArguments() => new() { { [] }, { ["--json"] } };

    [Theory, MemberData(nameof(ReportArguments))]
    public async Task Report_output_and_files_are_byte_identical_from_the_host_and_the_tool(string[] arguments)
    {
        string root = RecordsRoot();
        string folder = Path.Combine(root, "runs", "brown-genre", "reports", ReportRecordFixtures.BrownGenreKey);
        try
        {
            var host = FrontEnds.Host(root, ["Report", "--run", "79a98310", .. arguments]);
            var fromHost = Directory.GetFiles(folder).Order().Select(File.ReadAllBytes).ToList();
            Directory.Delete(folder, recursive: true);
            var tool = await FrontEnds.W2s(["report", "79a98310", "--runs-dir", Path.Combine(root, "runs"), .. arguments]);

            Assert.Equal((0, ""), (host.ExitCode, host.Error));
            Assert.Equal((0, ""), (tool.ExitCode, tool.Error));
            Assert.Equal(fromHost, Directory.GetFiles(folder).Order().Select(File.ReadAllBytes).ToList());
            Assert.Contains(arguments.Length == 0 ? $"report {folder}\n" : $"\"directory\": \"{folder}\"", tool.Output);
            Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Report"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string[]> DiffArguments() => new() { { [] }, { ["--md"] }, { ["--json"] } };

    [Theory, MemberData(nameof(DiffArguments))]
    public async Task Diff_output_is_byte_identical_from_the_host_and_the_tool(string[] arguments)
    {
        string root = RecordsRoot();
        string b = ReportRecordFixtures.Edited(Path.Combine(root, "runs"), h => h["manifest"]!["training"]!["lr"] = 0.0001);
        try
        {
            var host = FrontEnds.Host(root, ["Diff", "--a", "79a98310", "--b", b, .. arguments]);
            var tool = await FrontEnds.W2s(["diff", "79a98310", b, "--runs-dir", Path.Combine(root, "runs"), .. arguments]);

            Assert.Equal((0, ""), (host.ExitCode, host.Error));
            Assert.Equal((0, ""), (tool.ExitCode, tool.Error));
            Assert.Contains("training.lr", tool.Output);
            Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Diff"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_run_is_the_same_located_line_from_both_report_and_diff_and_fails_both()
    {
        string root = RecordsRoot();
        string runs = Path.Combine(root, "runs");
        string expected = $"no run record matches '0123abcd' under {runs}";
        try
        {
            foreach (var (target, verb) in new[] { (new[] { "Report", "--run", "0123abcd" }, new[] { "report", "0123abcd" }),
                         (["Diff", "--a", "79a98310", "--b", "0123abcd"], ["diff", "79a98310", "0123abcd"]) })
            {
                var host = FrontEnds.Host(root, target);
                var tool = await FrontEnds.W2s([.. verb, "--runs-dir", runs]);

                Assert.Equal((1, $"error: {expected}\n"), (tool.ExitCode, tool.Error));
                Assert.Equal(ExitCodes.Failure, host.ExitCode); // the host's is NUKE's (build/Host/ExitCodes.cs)
                Assert.Contains($"Target '{target[0]}' failed: {expected}\n", host.Error);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Runs_lists_the_gated_metrics_of_a_run_whose_manifest_gates_the_same_from_both()
    {
        string root = RecordsRoot();
        string runs = Path.Combine(root, "runs");
        ReportRecordFixtures.Edited(runs, h => h["manifest"]!["gate"] = new JsonObject { ["weak.acc"] = new JsonObject { ["abs"] = 0.03 } });
        try
        {
            var host = FrontEnds.Host(root, "Runs");
            var tool = await FrontEnds.W2s("runs", "--runs-dir", runs);
            var json = JsonNode.Parse((await FrontEnds.W2s("runs", "--runs-dir", runs, "--json")).Output)!.AsArray();

            Assert.Contains("xent -0.155 logconf 0.143\n    gated weak.acc w128->minilm/logconf 0.767\n    gated weak.acc w128->minilm/xent 0.767\n", tool.Output);
            Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Runs"));
            Assert.Equal(0.644, (double)json.Single(r => r!["gated"] is not null)!["gated"]!["weak.acc w64->minilm/xent"]!, 12);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
