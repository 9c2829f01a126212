using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using WeakToStrong.Core.Gate;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Runner.Gate;

namespace WeakToStrong.Runner.Tests.Gate;

/// <summary>`gate --accept` writes the snapshot files Snapshooter reads in the gate tests: the two must agree.</summary>
public class SnapshotFileTests
{
    static readonly GateSnapshot Snap = new("spam", "1.0.0", "gate", [0], 1000, "ab12",
        [new("weak.acc w64", 0.61), new("transfer.acc w64->minilm/xent", 0.68), new("pgr.median w64->minilm/xent", null)]);

    /// <summary>What the gate tests match: everything but the values and the run key. Snapshooter reads &lt;folder&gt;/__snapshots__/&lt;name&gt;.</summary>
    static void Match(GateSnapshot current, string folder) =>
        Snapshot.Match(JObject.Parse(current.ToJson().ToJsonString()), new SnapshotFullName("spam.snap", folder),
            o => o.IgnoreField("run").IgnoreField("values"));

    [Fact]
    public void A_written_snapshot_reads_back_equal_and_matches_in_snapshooter_whatever_the_values_and_run()
    {
        string folder = Directory.CreateTempSubdirectory("w2s-snap-").FullName;
        try
        {
            string path = Path.Combine(folder, "__snapshots__", "spam.snap");
            SnapshotFile.Write(path, Snap);
            string written = File.ReadAllText(path);
            var read = SnapshotFile.Read(path)!;
            Assert.Equal(Snap.Metrics, read.Metrics);
            Assert.Equal(Snap with { Metrics = [], Seeds = [] }, read with { Metrics = [], Seeds = [] });
            Match(Snap with { Run = "ffff", Metrics = [.. Snap.Metrics.Select(m => m with { Value = 0.5 })] }, folder);
            Assert.Equal(written, File.ReadAllText(path)); // Snapshooter read the committed file and left it alone
            Assert.False(Directory.Exists(Path.Combine(folder, "__snapshots__", "__mismatch__")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One Match per test: Snapshooter compares a snapshot name once per test method.</summary>
    [Theory]
    [InlineData("version")]
    [InlineData("metrics")]
    public void Snapshooter_fails_when_the_version_or_the_list_of_metrics_differs_from_the_snapshot(string change)
    {
        string folder = Directory.CreateTempSubdirectory("w2s-snap-").FullName;
        try
        {
            SnapshotFile.Write(Path.Combine(folder, "__snapshots__", "spam.snap"), Snap);
            var changed = change == "version" ? Snap with { Version = "1.1.0" } : Snap with { Metrics = [.. Snap.Metrics.Take(2)] };
            Assert.ThrowsAny<Exception>(() => Match(changed, folder));
            Assert.True(File.Exists(Path.Combine(folder, "__snapshots__", "__mismatch__", "spam.snap"))); // what Snapshooter saw, for the diff
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_snapshot_file_is_one_line_naming_it()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("w2s-snap-").FullName, "spam.snap");
        File.WriteAllText(path, "{ \"experiment\": ");
        var e = Assert.Throws<InvalidDataException>(() => SnapshotFile.Read(path));
        Assert.StartsWith(path + ": not a gate snapshot", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>
    /// Whatever a damaged snapshot holds, reading it is one line naming it (the gate without --accept reports that line),
    /// and writing the new one, as `gate --accept` does once its checks pass, replaces it whole.
    /// </summary>
    [Theory]
    [InlineData("not json")]
    [InlineData("{ \"experiment\": ")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    public void A_damaged_snapshot_is_one_line_and_writing_the_accepted_one_replaces_it(string damaged)
    {
        string folder = Directory.CreateTempSubdirectory("w2s-snap-").FullName;
        try
        {
            string path = Path.Combine(folder, "spam.snap");
            File.WriteAllText(path, damaged);
            var e = Assert.Throws<InvalidDataException>(() => SnapshotFile.Read(path));
            Assert.StartsWith(path + ": not a gate snapshot (", e.Message);
            Assert.EndsWith("); accept a new one", e.Message);
            Assert.DoesNotContain('\n', e.Message);

            SnapshotFile.Write(path, Snap);

            Assert.Equal(Snap.Metrics, SnapshotFile.Read(path)!.Metrics);
            Assert.Equal([path], Directory.GetFiles(folder)); // replaced in place, no temporary left beside it
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A snapshot that parses but breaks the schema (a field missing, null or of the wrong type, a metric without a
    /// value) is one line naming the file and the field, where the string-keyed reader it replaced threw a
    /// NullReferenceException for some of these.
    /// </summary>
    [Theory]
    [InlineData("\"experiment\": \"spam\",", "", "experiment")]
    [InlineData("\"testItems\": 1000", "\"testItems\": null", "testItems")]
    [InlineData("\"testItems\": 1000", "\"testItems\": \"many\"", "testItems")]
    [InlineData("\"weak.acc w64\",", "null,", "metrics[0]")]
    [InlineData("\"weak.acc w64\": 0.61,", "", "metric 'weak.acc w64' has no value")]
    [InlineData("0\n  ]", "null\n  ]", "seeds")]
    public void A_snapshot_that_breaks_the_schema_is_one_line_naming_the_field(string find, string replace, string named)
    {
        string folder = Directory.CreateTempSubdirectory("w2s-snap-").FullName;
        try
        {
            string path = Path.Combine(folder, "spam.snap");
            SnapshotFile.Write(path, Snap);
            string text = File.ReadAllText(path);
            Assert.Contains(find, text);
            File.WriteAllText(path, text.Replace(find, replace));
            var e = Assert.Throws<InvalidDataException>(() => SnapshotFile.Read(path));
            Assert.StartsWith(path + ": not a gate snapshot (", e.Message);
            Assert.Contains(named, e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The committed snapshots read into the schema and write back to the same bytes: reading loses nothing.</summary>
    [Fact]
    public void Every_committed_snapshot_writes_back_byte_for_byte()
    {
        string folder = Path.Combine(FrontEnds.RepositoryRoot, "experiments", "__snapshots__");
        var files = Directory.GetFiles(folder, "*.snap");
        Assert.Equal(6, files.Length);
        foreach (var file in files)
            Assert.Equal(File.ReadAllText(file), SnapshotFile.Read(file)!.ToDocument().ToFileText());
    }
}
