using System.Text.RegularExpressions;
using WeakToStrong.Core.Gate;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Gate;
using WeakToStrong.Runner.Gate;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// Issue 27 item 5: the numbers a gate snapshot holds can be audited from a clone. Each snapshot names its run, that
/// run's record is committed under runs/&lt;experiment&gt;/, and the record's own summary gives the snapshot's values.
/// </summary>
public partial class CommittedSnapshotRecordTests
{
    static readonly string Root = FrontEnds.RepositoryRoot;

    public static TheoryData<string> Snapshots() =>
        [.. Directory.GetFiles(Path.Combine(Root, "experiments", GateVerb.SnapshotsFolder), "*.snap").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void A_snapshot_names_a_committed_record_whose_summary_gives_its_values(string file)
    {
        var snapshot = SnapshotFile.Read(Path.Combine(Root, "experiments", GateVerb.SnapshotsFolder, file))!;
        string path = Path.Combine(Root, "runs", snapshot.Experiment, snapshot.Run + ".json");
        Assert.True(File.Exists(path), $"{file} names run {snapshot.Run}, whose record is not committed at {Path.GetRelativePath(Root, path)}");

        var read = RunRecordSchema.Read(path);
        Assert.Null(read.IntegrityProblem);
        var families = snapshot.Metrics.Select(m => m.Metric[..m.Metric.IndexOf(' ')]).Distinct();
        var fromRecord = GateSnapshot.FromRecord(read.Record.Hashed, read.Record.RunKey, families);
        Assert.Equal((snapshot.Experiment, snapshot.Version, snapshot.Scale, snapshot.TestItems), (fromRecord.Experiment, fromRecord.Version, fromRecord.Scale, fromRecord.TestItems));
        Assert.Equal(snapshot.Seeds, fromRecord.Seeds);
        Assert.Equal(snapshot.Metrics, fromRecord.Metrics);
    }

    /// <summary>docs/gate.md's advice on a failed gate, `w2s diff &lt;snapshot run&gt; &lt;new run&gt;`, works on the committed records alone.</summary>
    [Fact]
    public void Diff_between_a_snapshot_run_and_another_committed_run_needs_only_the_records()
    {
        var snapshot = SnapshotFile.Read(Path.Combine(Root, "experiments", GateVerb.SnapshotsFolder, "brown-genre.snap"))!;
        // The README's quick start: "Its table, as printed (run `9986d7a29871`)".
        string quickStart = QuickStartRun().Match(File.ReadAllText(Path.Combine(Root, "README.md"))).Groups[1].Value;

        var diff = DiffVerb.Run(Path.Combine(Root, "runs"), snapshot.Run[..12], quickStart);

        Assert.Equal(snapshot.Run, diff.A.RunKey);
        Assert.StartsWith(quickStart, diff.B.RunKey);
        Assert.Equal(("gate", "smoke"), (diff.A.Scale, diff.B.Scale));
        // The gate runs the frozen-feature arm alone on a larger, fixed split; the quick start both arms on 500 items a split.
        Assert.Contains(diff.Manifest, c => c.Path == "pairs");
        Assert.Contains(diff.Manifest, c => c.Path.StartsWith("data.split", StringComparison.Ordinal));
        Assert.Contains(diff.Stages, c => c.Id == "data/s0");
        Assert.Contains(diff.Stages, c => c.Id == "evaluate");
    }

    [GeneratedRegex(@"as printed \(run `([0-9a-f]{12})`\)")]
    private static partial Regex QuickStartRun();
}
