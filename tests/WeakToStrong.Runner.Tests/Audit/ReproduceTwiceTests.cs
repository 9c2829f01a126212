using System.Globalization;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Runner.Tests.Runner;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Auditing;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>The tiny experiment reproduced twice by the `w2s` tool into one store and one runs folder.</summary>
public sealed class ReproducedTwice : IAsyncLifetime
{
    internal TinyExperiment Experiment { get; } = new();
    public string Store { get; private set; } = "";
    public string RunKey { get; private set; } = "";
    public string RecordPath => Path.Combine(Experiment.RunsDirectory, "tiny", RunKey + ".json");

    /// <summary>The record's bytes as the first reproduce left them.</summary>
    public string AfterFirst { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Store = Experiment.NewStore();
        string[] reproduce = ["reproduce", "--experiment", "tiny", "--experiments-dir", Experiment.ExperimentsDirectory,
            "--store", Store, "--runs-dir", Experiment.RunsDirectory, "--threads", "2"];
        var first = await W2sTool.RunAsync(reproduce);
        Assert.True(first.ExitCode == 0, first.Error);
        RunKey = W2sTool.RunKey(first.Output);
        AfterFirst = File.ReadAllText(RecordPath);
        var second = await W2sTool.RunAsync(reproduce);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(RunKey, W2sTool.RunKey(second.Output));
        Second = second.Output;
    }

    /// <summary>What the second reproduce printed.</summary>
    public string Second { get; private set; } = "";

    public string[] Dirs(string runs) => ["--runs-dir", runs, "--experiments-dir", Experiment.ExperimentsDirectory];

    public Task DisposeAsync()
    {
        Experiment.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Issue 27's acceptance, on a real run: reproduced twice, the record holds both executions with the first one's
/// timings intact, and `runs`, `report` and `audit` say so; a record whose numbers were edited fails `audit` naming
/// the field whether or not it was re-keyed, `runs` marks it, and `report`, `diff` and `results` refuse it.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class ReproduceTwiceTests(ReproducedTwice run) : IClassFixture<ReproducedTwice>
{
    const int Stages = 9;

    [Fact]
    public void TheRecordHoldsTwoExecutionsTheFirstOnesTimingsIntact()
    {
        var first = RunRecordSchema.Parse(run.AfterFirst, run.RecordPath).Record;
        var record = RunRecord.Read(run.RecordPath);

        Assert.Equal(2, record.Executions.Count);
        Assert.Equal(RunRecordSchema.ToJson(first.First).ToJsonString(), RunRecordSchema.ToJson(record.First).ToJsonString());
        Assert.Equal(ContentKey.Of(first.Hashed), record.RunKey);
        Assert.Equal((Stages, Stages), (record.First.Stages.Count, record.First.Computed));
        Assert.Equal((Stages, 0), (record.Latest.Stages.Count, record.Latest.Computed));
        Assert.Equal("local", record.Latest.Executor?.Name);
        Assert.Equal(2, record.Latest.Threads);
        Assert.StartsWith("w2s reproduce --experiment tiny", record.Latest.CommandLine);
        Assert.True(string.CompareOrdinal(record.First.FinishedAt, record.Latest.StartedAt) < 0, "the executions are in order");
        // Said once, and not on a line scripts take for the closing "record <path>".
        Assert.Contains("run history: execution 2 of this run appended; the first is kept\n", run.Second);
        Assert.Equal($"record {run.RecordPath}", Assert.Single(run.Second.Split('\n'), l => l.StartsWith("record ", StringComparison.Ordinal)));
    }

    string History()
    {
        var record = RunRecord.Read(run.RecordPath);
        var (f, l) = (record.First, record.Latest);
        // The tiny experiment's folder is outside any git checkout: no commit is known.
        return $"history: first execution: finished {f.FinishedAt} on {f.Host}, commit unknown, "
               + $"{f.Seconds!.Value.ToString("0.##", CultureInfo.InvariantCulture)} s, {Stages} of {Stages} stages computed; "
               + $"re-executed once, last finished {l.FinishedAt} on {l.Host} (0 of {Stages} stages computed)";
    }

    [Fact]
    public async Task RunsReportAndAuditShowTheFirstExecutionAndTheReexecution()
    {
        var record = RunRecord.Read(run.RecordPath);
        string runs = run.Experiment.RunsDirectory;

        var list = await W2sTool.RunAsync("runs", "--runs-dir", runs);
        var report = await W2sTool.RunAsync(["report", run.RunKey[..12], "--runs-dir", runs, "--out", Path.Combine(run.Experiment.Root, "report")]);
        var audit = await W2sTool.RunAsync(["audit", "--run", run.RunKey[..12], "--store", run.Store, .. run.Dirs(runs)]);

        var line = Assert.Single(list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"tiny                 {run.RunKey[..12]}  -      {record.First.FinishedAt,-34} xent ", line);
        Assert.EndsWith("  (re-executed once)", line);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(History(), report.Output.Split('\n')[1]);
        Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
        Assert.Equal(History(), audit.Output.Split('\n')[1]);
        Assert.Equal($"clean: {Stages} stages, 12 artifacts as recorded, every metric as stored", audit.Output.TrimEnd().Split('\n')[^1]);
    }

    /// <summary>The record's JSON with <paramref name="edit"/> applied to its hashed part, written to a runs folder of its own.</summary>
    (string Path, JsonObject Hashed) Forge(string runsFolder, Action<JsonObject> edit, bool rekey)
    {
        var root = JsonNode.Parse(File.ReadAllText(run.RecordPath))!.AsObject();
        var hashed = root["hashed"]!.AsObject();
        edit(hashed);
        if (rekey) root["runKey"] = ContentKey.Of(hashed); // what anyone can do in ten lines of Python
        string runs = System.IO.Path.Combine(run.Experiment.Root, runsFolder);
        string path = System.IO.Path.Combine(Directory.CreateDirectory(System.IO.Path.Combine(runs, "tiny")).FullName, (string)root["runKey"]! + ".json");
        File.WriteAllText(path, root.ToJsonString());
        return (path, hashed);
    }

    static JsonObject Evaluate(JsonObject hashed) => hashed["stages"]!.AsArray().Single(s => (string?)s!["kind"] == "evaluate")!.AsObject();

    static JsonObject Weak(JsonObject hashed) => hashed["stages"]!.AsArray().First(s => (string?)s!["kind"] == "weak")!.AsObject();

    [Fact]
    public async Task ARecordWithEditedAndRekeyedMetricsFailsAuditNamingEachFieldAndRunsReportDiffAndResultsMarkOrRefuseIt()
    {
        var original = RunRecord.Read(run.RecordPath).Hashed;
        string pgr = CanonicalJson.Serialize(original["metrics"]!["summary"]!["medianPgrByLoss"]!["xent"]);
        string acc = CanonicalJson.Serialize(Weak(original)["metrics"]!["testAcc"]);
        var (path, _) = Forge("runs-forged", hashed =>
        {
            hashed["metrics"]!["summary"]!["medianPgrByLoss"]!["xent"] = 0.99;
            Evaluate(hashed)["metrics"]!["summary"]!["medianPgrByLoss"]!["xent"] = 0.99;
            Weak(hashed)["metrics"]!["testAcc"] = 0.99;
        }, rekey: true);
        string runs = Path.GetDirectoryName(Path.GetDirectoryName(path))!;
        string weakId = (string)Weak(original)["id"]!;

        var audit = await W2sTool.RunAsync(["audit", "--run", path, "--store", run.Store, .. run.Dirs(runs)]);
        var list = await W2sTool.RunAsync("runs", "--runs-dir", runs);
        var report = await W2sTool.RunAsync("report", path, "--runs-dir", runs, "--out", Path.Combine(run.Experiment.Root, "report-forged"));
        var diff = await W2sTool.RunAsync("diff", path, run.RecordPath, "--runs-dir", runs);
        var results = await W2sTool.RunAsync("results", "--runs-dir", runs, "--out", Path.Combine(run.Experiment.Root, "results-forged.md"));

        Assert.Equal(1, audit.ExitCode);
        // Deriving the evaluate document again from the edited weak accuracy also disagrees with it, field by field
        // (the next test pins those lines); here the comparisons with the store.
        var derived = audit.Output.Split('\n').Where(l => l.StartsWith($"evaluate: metric differs from {EvaluateRederivation.Source}: ", StringComparison.Ordinal)).ToList();
        Assert.Contains($"evaluate: metric differs from {EvaluateRederivation.Source}: metrics.summary.medianPgrByLoss.xent (recorded 0.99, ", audit.Output);
        Assert.Equal(
        [
            $"{weakId}: metric differs from the stage cache entry: metrics.testAcc (recorded 0.99, stored {acc})",
            $"evaluate: metric differs from the stage cache entry: metrics.summary.medianPgrByLoss.xent (recorded 0.99, stored {pgr})",
            $"evaluate: metric differs from the stored output pgr: metrics.summary.medianPgrByLoss.xent (recorded 0.99, stored {pgr})",
            $"record: metric differs from the evaluate stage's stored output pgr: metrics.summary.medianPgrByLoss.xent (recorded 0.99, stored {pgr})",
        ], audit.Output.Split('\n').Where(l => l.Contains(": metric differs from ", StringComparison.Ordinal)).Except(derived));
        Assert.Equal($"NOT clean: 12 of 12 artifacts as recorded, {Stages} of {Stages} stages ok, {4 + derived.Count} metrics differ from the store", audit.Output.TrimEnd().Split('\n')[^1]);
        Assert.DoesNotContain("record edited", audit.Output); // re-keyed: the key check alone passes it
        string contradicted = $"metrics edited: metrics.summary.medianPgrByLoss.xent is 0.99 in the record but {pgr} in the evaluate stage's stored output pgr";
        Assert.Equal($"    NOT TRUSTED, numbers not shown: {contradicted}", list.Output.Split('\n')[1]);
        // The record's store is on this machine, so the readers that show its numbers refuse it too.
        foreach (var refused in new[] { report, diff, results })
            Assert.Equal((1, $"{path}: {contradicted}"), (refused.ExitCode, refused.Error.Trim().Replace("error: ", "", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A forger who edits a stage's accuracy in the record and rewrites that stage's cache entry to match (its check
    /// recomputed) passes every comparison with the store; the evaluate document, derived again from the record's stage
    /// metrics, then disagrees with the one the record (and the content-addressed pgr output) states.
    /// </summary>
    [Fact]
    public async Task AForgedAccuracyWhoseCacheEntryWasRewrittenToMatchIsCaughtByDerivingTheSummaryAgain()
    {
        var original = RunRecord.Read(run.RecordPath).Hashed;
        string weakKey = (string)Weak(original)["key"]!;
        double weakAcc = (double)Weak(original)["metrics"]!["testAcc"]!;
        string entry = Directory.GetFiles(Path.Combine(run.Store, "stages"), weakKey + ".json", SearchOption.AllDirectories).Single();
        byte[] before = File.ReadAllBytes(entry);
        try
        {
            // The weak model's accuracy, everywhere its stage states it: the final checkpoint's and its last evaluation's.
            static void Edit(JsonNode metrics)
            {
                metrics["testAcc"] = 0.99;
                metrics["evaluations"]!.AsArray()[^1]!["testAcc"] = 0.99;
            }
            var node = JsonNode.Parse(before)!.AsObject();
            Edit(node["metrics"]!);
            node.Remove("check");
            node["check"] = "sha256:" + ContentKey.Of(node);
            File.WriteAllText(entry, node.ToJsonString());
            var (path, _) = Forge("runs-forged-entry", hashed => Edit(Weak(hashed)["metrics"]!), rekey: true);
            string runs = Path.GetDirectoryName(Path.GetDirectoryName(path))!;

            var audit = await W2sTool.RunAsync(["audit", "--run", path, "--store", run.Store, .. run.Dirs(runs)]);

            Assert.True(audit.ExitCode == 1, audit.Output + audit.Error);
            var lines = audit.Output.Split('\n').Where(l => l.Contains(": metric differs from ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.StartsWith($"evaluate: metric differs from {EvaluateRederivation.Source}: metrics.", l));
            string weakRow = CanonicalJson.Serialize(JsonValue.Create(weakAcc));
            Assert.Contains($"evaluate: metric differs from {EvaluateRederivation.Source}: metrics.runs[0].weakAcc (recorded {weakRow}, stored 0.99)", lines);
        }
        finally
        {
            File.WriteAllBytes(entry, before);
        }
    }

    [Fact]
    public async Task ARecordEditedWithoutRekeyingIsMarkedByRunsAndRefusedByReportAndDiff()
    {
        var (path, hashed) = Forge("runs-edited", h => h["metrics"]!["summary"]!["medianPgrByLoss"]!["xent"] = 0.99, rekey: false);
        string runs = Path.GetDirectoryName(Path.GetDirectoryName(path))!;

        var list = await W2sTool.RunAsync("runs", "--runs-dir", runs);
        var report = await W2sTool.RunAsync("report", path, "--runs-dir", runs, "--out", Path.Combine(run.Experiment.Root, "report-edited"));
        var diff = await W2sTool.RunAsync("diff", path, run.RecordPath, "--runs-dir", runs);
        var audit = await W2sTool.RunAsync(["audit", "--run", path, "--store", run.Store, .. run.Dirs(runs)]);

        Assert.Equal(
            $"    NOT TRUSTED, numbers not shown: record edited: stated run key {run.RunKey} is not the hash of its hashed part ({ContentKey.Of(hashed)})",
            list.Output.Split('\n')[1]);
        string refused = $"{path}: stated run key {run.RunKey} does not match its hashed part ({ContentKey.Of(hashed)}): the record was edited";
        Assert.Equal((1, refused), (report.ExitCode, report.Error.Trim().Replace("error: ", "", StringComparison.Ordinal)));
        Assert.Equal((1, refused), (diff.ExitCode, diff.Error.Trim().Replace("error: ", "", StringComparison.Ordinal)));
        Assert.Equal(1, audit.ExitCode);
        Assert.Contains($"record: record edited: stated run key {run.RunKey} is not the hash of its hashed part ({ContentKey.Of(hashed)})\n", audit.Output);
    }
}
