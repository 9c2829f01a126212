using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// Issue 27 item 3: the evaluate stage's document (pgr.json, and the record's <c>metrics.summary</c>) has one typed
/// schema, Core's <see cref="EvaluateOutput"/>, that its writer and every reader share.
/// </summary>
public class EvaluateDocumentTests
{
    static IEnumerable<string> CommittedRecords() =>
        Directory.GetFiles(Path.Combine(FrontEnds.RepositoryRoot, "runs"), "*.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(FrontEnds.RepositoryRoot, "tests", "WeakToStrong.Runner.Tests", "Application", "Records"), "*.json"));

    /// <summary>
    /// Every committed record's evaluate document reads into the schema and writes back to the same JSON, field order
    /// included: the schema is the shape the writer produced (with bootstrap chains, in the brown-genre records that
    /// have them), so reading through it loses nothing, and the writer built on it produces the bytes the keys hashed.
    /// Documents from before a field existed (the intervals came later) get that field back as null, nothing else.
    /// </summary>
    [Fact]
    public void EveryCommittedEvaluateDocumentReadsIntoTheSchemaAndWritesBackUnchanged()
    {
        int withChains = 0, documents = 0;
        foreach (var file in CommittedRecords())
        {
            var record = RunRecord.Read(file);
            var stored = record.Stages.Single(s => s.Id == "evaluate").Metrics;
            var output = EvaluateJson.Output(stored, file);
            Assert.Equal(stored.ToJsonString(), WithoutAddedNulls(EvaluateJson.ToJson(output), stored)!.ToJsonString());
            var summary = record.Hashed["metrics"]!["summary"]!;
            Assert.Equal(summary.ToJsonString(), WithoutAddedNulls(EvaluateJson.ToJson(record.Summary!), summary)!.ToJsonString());
            documents++;
            if (output.Summary.Bootstrap is { Count: > 0 }) withChains++;
        }
        Assert.True(documents >= 17 && withChains >= 3, $"{documents} documents, {withChains} with chains");
    }

    /// <summary><paramref name="written"/> less the null-valued fields that <paramref name="original"/> does not have at that place.</summary>
    static JsonNode? WithoutAddedNulls(JsonNode? written, JsonNode? original)
    {
        switch (written)
        {
            case JsonObject o when original is JsonObject before:
                foreach (var (name, value) in o.ToList())
                    if (value is null && !before.ContainsKey(name)) o.Remove(name);
                    else if (before.TryGetPropertyValue(name, out var was)) WithoutAddedNulls(value, was);
                return o;
            case JsonArray a when original is JsonArray before:
                for (int i = 0; i < Math.Min(a.Count, before.Count); i++) WithoutAddedNulls(a[i], before[i]);
                return a;
            default:
                return written;
        }
    }

    [Fact]
    public void AMalformedSummaryIsOneLineNamingTheFileAndTheField()
    {
        string dir = Directory.CreateTempSubdirectory("w2s-summary-").FullName;
        try
        {
            string source = Path.Combine(FrontEnds.RepositoryRoot, "tests", "WeakToStrong.Runner.Tests", "Application", "Records", "nlp-spam-9e626274.json");
            var json = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
            var hashed = json["hashed"]!.AsObject();
            hashed["metrics"]!["summary"]!["pairs"]![1]!["weakAcc"] = "high";
            var record = new RunRecord(hashed, RunRecord.Read(source).Executions);
            string path = record.Write(dir);

            var e = Assert.Throws<InvalidDataException>(() => RunRecord.Read(path).Summary);
            Assert.StartsWith($"{path}: metrics.summary.pairs[1].weakAcc: ", e.Message);
            Assert.DoesNotContain('\n', e.Message);

            // `runs` lists it with that line as its problem, and without numbers.
            var listed = Assert.Single(RunIndex.List(dir));
            Assert.Equal((null, e.Message), (listed.Summary, listed.Problem));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
