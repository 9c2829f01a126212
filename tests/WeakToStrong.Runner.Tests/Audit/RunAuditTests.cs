using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>Audit over a hand-built store and record: every check of docs/architecture.md §6 without training anything.</summary>
public class RunAuditTests
{
    static CurrentState Today(SyntheticRun run, JsonObject? manifest = null, JsonObject? code = null) =>
        new(manifest ?? run.Manifest.DeepClone().AsObject(), code ?? run.Code.DeepClone().AsObject(),
            [new PlannedStage("data/s0", "data", SyntheticRun.KeyOf("data")), new PlannedStage("weak/weak/s0", "train", SyntheticRun.KeyOf("weak"))]);

    [Fact]
    public void CleanStoreAndUnchangedManifestPass()
    {
        using var run = new SyntheticRun();
        var report = RunAudit.Audit(run.RecordPath, run.Store, Today(run));
        Assert.True(report.Clean, report.ToText());
        Assert.Equal(run.Record.RunKey, report.RunKey);
        Assert.All(report.Stages, s => Assert.Equal(AuditStatus.Ok, s.Status));
        Assert.EndsWith("\nclean: 2 stages, 3 artifacts as recorded, every metric as stored", report.ToText());
        Assert.Equal(true, (bool?)report.ToJson()["clean"]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(2, 4095)]
    public void FlippingOneByteInAnyArtifactReportsItModifiedWithStageAndName(int artifact, int offset)
    {
        using var run = new SyntheticRun();
        var (stage, name, expected) = run.Artifacts[artifact];
        string path = run.Store.PathOf(expected.Sha256);
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var found = ContentStore.HashFile(path);

        var report = RunAudit.Audit(run.RecordPath, run.Store, Today(run));

        Assert.False(report.Clean);
        var lines = report.ToText().Split('\n');
        Assert.Equal([$"{stage}: modified: {name} (expected {expected}, found {found})"],
            lines.Where(l => l.Contains(": modified: ", StringComparison.Ordinal)));
        Assert.Equal(expected.Size, found.Size); // same size: only the hash catches it
        Assert.Equal(AuditStatus.Modified, report.Stages.Single(s => s.Id == stage).Status);
        Assert.Equal(AuditStatus.Ok, report.Stages.Single(s => s.Id != stage).Status);
        Assert.Equal("modified", (string?)report.ToJson()["stages"]!.AsArray().Single(s => (string?)s!["id"] == stage)!["status"]);
    }

    [Fact]
    public void DeletedArtifactIsMissing()
    {
        using var run = new SyntheticRun();
        var (stage, name, expected) = run.Artifacts[2];
        File.Delete(run.Store.PathOf(expected.Sha256));

        var report = RunAudit.Audit(run.RecordPath, run.Store, Today(run));

        Assert.False(report.Clean);
        Assert.Contains($"{stage}: missing: {name} (expected {expected})", report.ToText().Split('\n'));
        Assert.Equal(AuditStatus.Missing, report.Stages.Single(s => s.Id == stage).Status);
        Assert.EndsWith("NOT clean: 2 of 3 artifacts as recorded, 1 of 2 stages ok", report.ToText());
    }

    [Fact]
    public void EditedManifestValueIsReportedByItsDottedPath()
    {
        using var run = new SyntheticRun();
        var today = run.Manifest.DeepClone().AsObject();
        today["training"]!["lr"] = 0.002;

        var report = RunAudit.Audit(run.RecordPath, run.Store, Today(run, manifest: today));

        Assert.False(report.Clean);
        Assert.Equal(ContentKey.Of(today), report.Manifest!.CurrentHash);
        Assert.Equal([new JsonChange("training.lr", "0.001", "0.002")], report.Manifest.Paths);
        Assert.Contains("manifest: changed: training.lr (recorded 0.001, current 0.002)", report.ToText().Split('\n'));
    }

    [Fact]
    public void TheSameNumberSpelledDifferentlyIsNotAManifestChange()
    {
        using var run = new SyntheticRun();
        var today = run.Manifest.DeepClone().AsObject();
        today["training"]!["epochs"] = 1.0; // RFC 8785: 1 and 1.0 are one number, as for the manifest hash

        Assert.True(RunAudit.Audit(run.RecordPath, run.Store, Today(run, manifest: today)).Clean);
    }

    [Fact]
    public void ChangedCodeIdentityNamesTheField()
    {
        using var run = new SyntheticRun();
        var code = run.Code.DeepClone().AsObject();
        code["libTorch"] = "2.11.0";

        var report = RunAudit.Audit(run.RecordPath, run.Store, Today(run, code: code));

        Assert.False(report.Clean);
        Assert.Equal([new JsonChange("libTorch", "\"2.10.0\"", "\"2.11.0\"")], report.Code);
        Assert.Contains("code: changed: libTorch (recorded \"2.10.0\", current \"2.11.0\")", report.ToText().Split('\n'));
    }

    [Fact]
    public void PlannedStageWhoseKeyTheRecordLacksIsNew()
    {
        using var run = new SyntheticRun();
        string newKey = SyntheticRun.KeyOf("weak, retrained");
        var today = new CurrentState(run.Manifest, run.Code,
            [new PlannedStage("data/s0", "data", SyntheticRun.KeyOf("data")), new PlannedStage("weak/weak/s0", "train", newKey)]);

        var report = RunAudit.Audit(run.RecordPath, run.Store, today);

        Assert.False(report.Clean);
        var added = Assert.Single(report.Stages, s => s.Status == AuditStatus.New);
        Assert.Equal(("weak/weak/s0", newKey, SyntheticRun.KeyOf("weak")), (added.Id, added.Key, added.ReplacesKey));
        Assert.Contains($"weak/weak/s0: new (key {newKey}, recorded key {SyntheticRun.KeyOf("weak")})", report.ToText().Split('\n'));
    }

    [Fact]
    public void EditedRecordIsOneLineAndTheArtifactsAreStillAudited()
    {
        using var run = new SyntheticRun();
        var json = JsonNode.Parse(File.ReadAllText(run.RecordPath))!.AsObject();
        json["hashed"]!["seeds"] = new JsonArray(1); // runKey left as it was
        File.WriteAllText(run.RecordPath, json.ToJsonString());

        var report = RunAudit.Audit(run.RecordPath, run.Store, Today(run));

        Assert.False(report.Clean);
        string computed = ContentKey.Of(json["hashed"]);
        Assert.Equal($"record edited: stated run key {run.Record.RunKey} is not the hash of its hashed part ({computed})", report.IntegrityProblem);
        Assert.All(report.Stages, s => Assert.Equal(AuditStatus.Ok, s.Status));
    }

    [Fact]
    public void WithoutCurrentStateOnlyTheStoreIsComparedAndTheReportSaysSo()
    {
        using var run = new SyntheticRun();
        var report = RunAudit.Audit(run.RecordPath, run.Store);
        Assert.True(report.Clean);
        Assert.Contains("manifest: not compared", report.ToText().Split('\n'));
        Assert.Equal("not compared", (string?)report.ToJson()["code"]);
    }
}
