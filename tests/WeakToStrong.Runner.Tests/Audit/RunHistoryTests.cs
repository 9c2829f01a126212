using System.Text.Json.Nodes;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// The run history (docs/architecture.md §6): a record keeps every execution of its run, a re-run appends, nothing is
/// overwritten, and the format-1 records already committed still read through the one schema, their keys intact.
/// </summary>
public sealed class RunHistoryTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("w2s-history-").FullName;

    string Runs => Path.Combine(_root, "runs");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static JsonObject Hashed(double pgr = 0.25) => new()
    {
        ["experiment"] = "alpha", ["scale"] = "cpu",
        ["metrics"] = new JsonObject { ["summary"] = SyntheticSummary.Of(new Dictionary<string, double?> { ["xent"] = pgr }) },
    };

    static RunExecution Execution(string finishedAt, string host, double seconds, bool cached) => new()
    {
        FinishedAt = finishedAt, Host = host, Seconds = seconds, Threads = 2, Cpu = "AMD EPYC",
        CommandLine = "w2s reproduce -e alpha", Executor = ExecutorInfo.Local, Git = new GitState("0123456789abcdef", false),
        Stages = [new StageExecution("data/s0", cached, cached ? 0.01 : 7.5), new StageExecution("evaluate", cached, cached ? 0 : 1.25)],
    };

    [Fact]
    public void ARerunWithTheSameKeyAppendsItsExecutionAndKeepsTheFirst()
    {
        var first = Execution("2026-01-02T10:00:00+00:00", "vm-a", 8.75, cached: false);
        var second = Execution("2026-01-03T11:00:00+00:00", "vm-b", 0.02, cached: true);

        var one = new RunRecord(Hashed(), first).Write(Runs);
        var two = RunHistory.Append(Runs, new RunRecord(Hashed(), second));

        Assert.Equal(one, two.Path);
        Assert.Equal((2, null), (two.Executions, two.SetAside));
        var record = RunRecord.Read(two.Path);
        Assert.Equal(ContentKeyOf(Hashed()), record.RunKey);
        Assert.Equal([first, second], record.Executions, ExecutionComparer.Instance);
        Assert.Equal(1, record.Reexecutions);
        Assert.Equal(2, (int)JsonNode.Parse(File.ReadAllText(two.Path))!["format"]!);
    }

    [Fact]
    public async Task RunsFinishingAtOnceEachAppendTheirExecution()
    {
        var hosts = Enumerable.Range(0, 8).Select(i => $"vm-{i}").ToList();

        await Task.WhenAll(hosts.Select(host => Task.Run(() =>
            RunHistory.Append(Runs, new RunRecord(Hashed(), Execution("2026-01-02T10:00:00+00:00", host, 1, cached: true))))));

        var record = RunRecord.Read(Path.Combine(Runs, "alpha", ContentKeyOf(Hashed()) + ".json"));
        Assert.Equal(hosts, record.Executions.Select(e => e.Host!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AFormatOneRecordIsUpgradedOnAppendItsProvenanceTheFirstExecution()
    {
        string path = FormatOneRecord();
        var second = Execution("2026-12-02T09:00:00+00:00", "vm-b", 0.5, cached: true);

        var written = RunHistory.Append(Runs, new RunRecord(RunRecord.Read(path).Hashed, second));

        var record = RunRecord.Read(written.Path);
        Assert.Equal(ReportRecordFixtures.BrownGenreKey, record.RunKey);
        Assert.Equal(("2026-12-01T15:53:10.6298047+00:00", 559.61, 54, 13), (record.First.FinishedAt, record.First.Seconds, record.First.Stages.Count, record.First.Computed));
        Assert.Equal("94663b3fa7314635cc9816c54e05b581cd936509", record.First.Git!.Commit);
        Assert.Equal("0", record.First.Malloc!["MALLOC_MMAP_MAX_"]);
        Assert.Equal(second, record.Latest, ExecutionComparer.Instance);
    }

    [Fact]
    public void EveryCommittedRecordReadsWithItsKeyVerified()
    {
        var files = Directory.GetFiles(Path.Combine(FrontEnds.RepositoryRoot, "runs"), "*.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(FrontEnds.RepositoryRoot, "tests", "WeakToStrong.Runner.Tests", "Application", "Records"), "*.json"))
            .ToList();
        Assert.True(files.Count >= 17, $"only {files.Count} committed records found");
        foreach (var file in files)
        {
            var read = RunRecordSchema.Read(file);
            Assert.True(read.IntegrityProblem is null, $"{file}: {read.IntegrityProblem}");
            Assert.Single(read.Record.Executions);
            Assert.NotEmpty(read.Record.First.Stages);
        }
    }

    [Fact]
    public void AnEditedFileUnderTheRunsNameIsSetAsideNotOverwritten()
    {
        string path = new RunRecord(Hashed(), Execution("2026-01-02T10:00:00+00:00", "vm-a", 8.75, false)).Write(Runs);
        string edited = File.ReadAllText(path).Replace("0.25", "0.75");
        File.WriteAllText(path, edited);

        var written = RunHistory.Append(Runs, new RunRecord(Hashed(), Execution("2026-01-03T11:00:00+00:00", "vm-b", 9, false)));

        Assert.Equal(1, written.Executions);
        Assert.Equal(edited, File.ReadAllText(written.SetAside!));
        Assert.Equal("vm-b", RunRecord.Read(path).First.Host);
        Assert.Single(RunIndex.List(Runs)); // the set-aside file is not listed as a run
    }

    [Theory]
    [InlineData("""{"format":2,"runKey":"k","hashed":{"experiment":"alpha"},"executions":[{"stages":[{"cached":true,"seconds":1}]}]}""", "missing required properties including: 'id'")]
    [InlineData("""{"format":3,"runKey":"k","hashed":{"experiment":"alpha"}}""", "run record format 3 is not 1 or 2")]
    [InlineData("""{"format":2,"runKey":"k","hashed":{"experiment":"alpha"},"executions":[]}""", "no executions")]
    [InlineData("""{"format":1,"runKey":"k","hashed":{"scale":"cpu"}}""", "no hashed.experiment")]
    [InlineData("""[1, 2""", "")]
    public void AMalformedRecordIsOneLineNamingItsFile(string text, string why)
    {
        string path = Path.Combine(_root, "bad.json");
        File.WriteAllText(path, text);

        var e = Assert.Throws<InvalidDataException>(() => RunRecord.Read(path));

        Assert.StartsWith($"{path}: not a readable run record (", e.Message);
        Assert.Contains(why, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void RunsMarksARecordEditedWithoutRekeyingAndCountsReexecutions()
    {
        string edited = new RunRecord(Hashed(), Execution("2026-01-02T10:00:00+00:00", "vm-a", 8.75, false)).Write(Runs);
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("0.25", "0.99"));
        var other = Hashed(0.5);
        other["scale"] = "smoke";
        string rerun = new RunRecord(other, Execution("2026-01-04T10:00:00+00:00", "vm-a", 8.75, false)).Write(Runs);
        RunHistory.Append(Runs, new RunRecord(other, Execution("2026-01-05T10:00:00+00:00", "vm-a", 0.1, true)));
        string editedKey = Path.GetFileNameWithoutExtension(edited), rerunKey = Path.GetFileNameWithoutExtension(rerun);
        var forged = Hashed(0.99);

        string text = TextRenderer.Runs(RunsVerb.List(Runs, null));

        Assert.Equal(
            $"alpha                {editedKey[..12]}  cpu    2026-01-02T10:00:00+00:00\n" +
            $"    NOT TRUSTED, numbers not shown: record edited: stated run key {editedKey} is not the hash of its hashed part ({ContentKeyOf(forged)})\n" +
            $"alpha                {rerunKey[..12]}  smoke  2026-01-04T10:00:00+00:00          xent 0.500  (re-executed once)\n",
            text);
    }

    string FormatOneRecord() => ReportRecordFixtures.BrownGenre(Runs);

    static string ContentKeyOf(JsonObject hashed) => WeakToStrong.Core.Canonical.ContentKey.Of(hashed);

    /// <summary>Executions by their JSON: records hold lists and dictionaries, which compare by reference.</summary>
    sealed class ExecutionComparer : IEqualityComparer<RunExecution>
    {
        public static ExecutionComparer Instance { get; } = new();

        public bool Equals(RunExecution? a, RunExecution? b) =>
            a is not null && b is not null && RunRecordSchema.ToJson(a).ToJsonString() == RunRecordSchema.ToJson(b).ToJsonString();

        public int GetHashCode(RunExecution e) => RunRecordSchema.ToJson(e).ToJsonString().GetHashCode(StringComparison.Ordinal);
    }
}
