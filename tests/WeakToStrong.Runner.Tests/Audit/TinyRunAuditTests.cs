using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Auditing;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>Audit (docs/architecture.md §6) on a real run: byte flips and deletions in the store are caught and named; a clean store passes.</summary>
[Collection(TrainingRunsCollection.Name)]
public class TinyRunAuditTests(TinyRunFixture run) : IClassFixture<TinyRunFixture>
{
    IReadOnlyList<(string Stage, string Name, ContentRef Ref)> Artifacts() =>
        run.Record.Hashed["stages"]!.AsArray().SelectMany(s => s!["outputs"]!.AsObject()
            .Select(o => ((string)s["id"]!, o.Key, ContentRef.Parse((string)o.Value!)))).ToList();

    [Fact]
    public void Every_training_stage_keeps_its_loss_and_learning_rate_per_step_and_pretraining_its_language_model_loss()
    {
        var training = run.Record.Hashed["stages"]!.AsArray().Select(st => st!.AsObject())
            .Where(st => (string?)st["kind"] is "pretrain" or "weak" or "ceiling" or "transfer").ToList();
        Assert.Contains(training, st => (string?)st["kind"] == "pretrain");
        foreach (var stage in training)
        {
            var metrics = stage["metrics"]!;
            var curve = metrics["trainingCurve"] ?? throw new Xunit.Sdk.XunitException($"{stage["id"]} kept no training curve");
            int steps = (int)metrics["steps"]!, every = (int)curve["every"]!;
            var loss = curve["loss"]!.AsArray().Select(v => (double)v!).ToList();
            Assert.Equal((steps + every - 1) / every, loss.Count);
            Assert.Equal(loss.Count, curve["lr"]!.AsArray().Count);
            Assert.All(curve["lr"]!.AsArray(), lr => Assert.True((double)lr! > 0));
            if (every == 1 && metrics["finalLoss"] is { } final) Assert.Equal(Math.Round((double)final, 4), loss[^1]);
        }
    }

    [Fact]
    public async Task CleanRunPassesAgainstTodaysManifestCodeAndPlan()
    {
        var report = await RunAuditor.AuditAsync(run.Request());
        Assert.True(report.Clean, report.ToText());
        Assert.True(report.ManifestCompared && report.CodeCompared);
        Assert.Equal(9, report.Stages.Count);
        Assert.DoesNotContain(report.Stages, s => s.IsNew);
        Assert.Equal(Artifacts().Count, report.Stages.Sum(s => s.Artifacts.Count));
    }

    [Fact]
    public async Task FlippingOneByteInAnyStoredArtifactFailsNamingThatArtifactAndStage()
    {
        // Each distinct object in turn (a shared one is named by every stage that recorded it), restored afterwards.
        foreach (var group in Artifacts().GroupBy(a => a.Ref))
        {
            string path = new ContentStore(run.Store).PathOf(group.Key.Sha256);
            var original = File.ReadAllBytes(path);
            var flipped = (byte[])original.Clone();
            flipped[flipped.Length / 2] ^= 0x80;
            File.WriteAllBytes(path, flipped);
            try
            {
                var report = await RunAuditor.AuditAsync(run.Request());
                Assert.False(report.Clean);
                var found = ContentStore.HashFile(path);
                var expectedLines = group.Select(a => $"{a.Stage}: modified: {a.Name} (expected {a.Ref}, found {found})").ToList();
                Assert.Equal(expectedLines, report.ToText().Split('\n').Where(l => l.Contains(": modified: ", StringComparison.Ordinal)));
            }
            finally
            {
                File.WriteAllBytes(path, original);
            }
        }
        Assert.True((await RunAuditor.AuditAsync(run.Request())).Clean);
    }

    [Fact]
    public async Task DeletedArtifactIsReportedMissing()
    {
        var (stage, name, reference) = Artifacts().First(a => a.Stage.StartsWith("ceiling/", StringComparison.Ordinal));
        string path = new ContentStore(run.Store).PathOf(reference.Sha256);
        string aside = path + ".aside";
        File.Move(path, aside);
        try
        {
            var report = await RunAuditor.AuditAsync(run.Request());
            Assert.False(report.Clean);
            Assert.Contains($"{stage}: missing: {name} (expected {reference})", report.ToText().Split('\n'));
            Assert.Equal("missing", (string?)report.ToJson()["stages"]!.AsArray().Single(s => (string?)s!["id"] == stage)!["status"]);
        }
        finally
        {
            File.Move(aside, path);
        }
    }

    [Fact]
    public async Task EditedManifestValueIsAChangedPathAndTheStagesItFeedsAreNew()
    {
        string experiments = Directory.CreateTempSubdirectory("w2s-audit-edited-").FullName;
        try
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Experiment.ExperimentsDirectory, "tiny.json")))!.AsObject();
            manifest["training"]!["lr"] = 0.002;
            File.WriteAllText(Path.Combine(experiments, "tiny.json"), manifest.ToJsonString());

            var report = await RunAuditor.AuditAsync(run.Request(experiments));

            Assert.False(report.Clean);
            Assert.Equal([new JsonChange("training.lr", "0.001", "0.002")], report.Manifest!.Paths);
            // The learning rate changes the trained stages' keys, not the data's or the pretraining's.
            var added = report.Stages.Where(s => s.IsNew).Select(s => s.Id).ToList();
            Assert.Contains("weak/weak/s0", added);
            Assert.DoesNotContain("data/s0", added);
            Assert.All(report.Stages.Where(s => !s.IsNew), s => Assert.Equal(AuditStatus.Ok, s.Status));
        }
        finally
        {
            Directory.Delete(experiments, recursive: true);
        }
    }

    [Fact]
    public async Task RerunFromTheRecordOnTheSameThreadsIsBitIdentical()
    {
        var report = await RunAuditor.AuditAsync(run.Request() with { Rerun = true }, SilentProgress.Instance);
        var rerun = report.Rerun!;
        Assert.True(rerun.ExpectBitIdentical, rerun.Why);
        Assert.Equal(run.RunKey, rerun.RerunRunKey);
        Assert.Empty(rerun.DifferingOutputs);
        Assert.True(report.Clean, report.ToText());
        // The scratch store of the re-run is gone; the audited store was not touched.
        Assert.Empty(Directory.GetDirectories(Path.Combine(run.Store, "tmp"), "audit-rerun-*"));
    }
}
