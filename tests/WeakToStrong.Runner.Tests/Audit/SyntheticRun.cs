using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// A hand-built store and run record (no training): two stages, three artifacts, a small manifest and code identity.
/// Fast enough to flip every byte position we care about in pure tests.
/// </summary>
sealed class SyntheticRun : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("w2s-audit-").FullName;
    public ContentStore Store { get; }
    public string RecordPath { get; }
    public RunRecord Record { get; }
    public JsonObject Manifest { get; } = new()
    {
        ["id"] = "synthetic",
        ["training"] = new JsonObject { ["lr"] = 0.001, ["epochs"] = 1 },
        ["seeds"] = new JsonArray(0),
        ["gate"] = new JsonObject { ["weak.acc"] = new JsonObject { ["abs"] = 0.03 } },
    };
    public JsonObject Code { get; } = new() { ["stages"] = "w2s-stages/1", ["libTorch"] = "2.10.0" };

    /// <summary>(stage id, artifact name) → its reference, in record order.</summary>
    public IReadOnlyList<(string Stage, string Name, ContentRef Ref)> Artifacts { get; }

    public SyntheticRun()
    {
        Store = new ContentStore(Path.Combine(Root, "store"));
        var train1 = Store.PutBytes("train1 rows\n"u8);
        var test = Store.PutBytes("test rows, a few more\n"u8);
        var model = Store.PutBytes(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        Artifacts = [("data/s0", "test", test), ("data/s0", "train1", train1), ("weak/weak/s0", "model", model)];
        var hashed = new JsonObject
        {
            ["experiment"] = "synthetic",
            ["scale"] = "smoke",
            ["manifestHash"] = ContentKey.Of(Manifest),
            ["manifest"] = Manifest.DeepClone(),
            ["seeds"] = new JsonArray(0),
            ["code"] = Code.DeepClone(),
            ["stages"] = new JsonArray(
                Stage("data/s0", "data", KeyOf("data"), ("test", test), ("train1", train1)),
                Stage("weak/weak/s0", "train", KeyOf("weak"), ("model", model))),
            ["metrics"] = new JsonObject { ["summary"] = SyntheticSummary.Of() },
        };
        // The stage cache entries a real run leaves: Audit compares the record's metrics with theirs.
        var cache = new StageCache(Store);
        foreach (var stage in hashed["stages"]!.AsArray())
            cache.Put(new StageOutput((string)stage!["key"]!, (string)stage["kind"]!,
                stage["outputs"]!.AsObject().ToDictionary(o => o.Key, o => ContentRef.Parse((string)o.Value!)), stage["metrics"]!.DeepClone().AsObject()));
        Record = new RunRecord(hashed, new JsonObject { ["threads"] = 2, ["device"] = "cpu" });
        RecordPath = Record.Write(Path.Combine(Root, "runs"));
    }

    public static string KeyOf(string name) => ContentKey.Of(JsonValue.Create(name));

    static JsonObject Stage(string id, string kind, string key, params (string Name, ContentRef Ref)[] outputs) => new()
    {
        ["id"] = id, ["kind"] = kind, ["key"] = key, ["parameters"] = new JsonObject(), ["inputs"] = new JsonObject(),
        ["outputs"] = new JsonObject(outputs.Select(o => KeyValuePair.Create(o.Name, (JsonNode?)JsonValue.Create(o.Ref.ToString())))),
        ["metrics"] = new JsonObject(),
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
