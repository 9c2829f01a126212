using System.Text.Json.Nodes;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// A record's stages are read typed, once, when a reader first asks (issue 27 item 3): a malformed stage in a record
/// whose key was recomputed (so its key check passes) is one line naming the file, the stage and the field, for every
/// reader, instead of a null dereference in whichever reader meets it first.
/// </summary>
public sealed class RecordedStageTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-recorded-stage-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>brown-genre's committed record with <paramref name="edit"/> applied to its hashed part, re-keyed and written.</summary>
    string Edited(Action<JsonArray> edit)
    {
        var record = RunRecord.Read(ReportRecordFixtures.BrownGenre(Path.Combine(root, "source")));
        var hashed = record.Hashed.DeepClone().AsObject();
        edit(hashed["stages"]!.AsArray());
        var edited = new RunRecord(hashed, record.Executions);
        string path = Path.Combine(root, edited.RunKey + ".json");
        File.WriteAllText(path, RunRecordSchema.Serialize(edited));
        return path;
    }

    [Fact]
    public void A_committed_record_reads_every_stage_with_its_outputs_as_content_references()
    {
        var record = RunRecord.Read(ReportRecordFixtures.BrownGenre(Path.Combine(root, "source")));

        Assert.Equal(record.Hashed["stages"]!.AsArray().Count, record.Stages.Count);
        var label = record.Stages.First(s => s.Kind == "label");
        Assert.Equal((string)record.Hashed["stages"]!.AsArray().First(s => (string?)s!["kind"] == "label")!["outputs"]!["labels"]!,
            label.Outputs["labels"].ToString());
        Assert.Null(label.Code); // recorded before stage keys hashed code
        Assert.All(record.Stages.Where(s => s.Kind == "transfer"), s => Assert.Contains(s.Inputs.Keys, k => k.StartsWith("label/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("output", "outputs.model: not a content reference: 'bogus' (expected 'sha256:<64 hex> <size>')")]
    [InlineData("key", "key: missing")]
    [InlineData("input", "inputs.data/s0: not a text (7)")]
    [InlineData("duplicate", "a second stage with this id")]
    public void A_malformed_stage_is_one_line_naming_the_file_the_stage_and_the_field(string damage, string problem)
    {
        string path = Edited(stages =>
        {
            var weak = stages.First(s => (string?)s!["id"] == "weak/w64/s0")!.AsObject();
            switch (damage)
            {
                case "output": weak["outputs"]!["model"] = "bogus"; break;
                case "key": weak.Remove("key"); break;
                case "input": weak["inputs"]!["data/s0"] = 7; break;
                case "duplicate": stages.Add(weak.DeepClone()); break;
            }
        });
        int index = damage == "duplicate"
            ? RunRecordSchemaIndexOfLast(path)
            : JsonNode.Parse(File.ReadAllText(path))!["hashed"]!["stages"]!.AsArray().Select(s => (string?)s!["id"]).ToList().IndexOf("weak/w64/s0");

        var record = RunRecord.Read(path); // its key is right; its stages are read when a reader asks for them
        var e = Assert.Throws<InvalidDataException>(() => record.Stages);

        Assert.Equal($"{path}: not a readable run record (hashed.stages[{index}] (weak/w64/s0): {problem})", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    static int RunRecordSchemaIndexOfLast(string path) => JsonNode.Parse(File.ReadAllText(path))!["hashed"]!["stages"]!.AsArray().Count - 1;
}
