using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>
/// Hostile input, generated here: truncations, wrong types at every leaf, huge numbers, 10,000-deep nesting,
/// invalid UTF-8, random byte flips. Every case must give clean canonical diagnostics, never an exception
/// and never the validator's internal-error code.
/// </summary>
public partial class MalformedCorpusTests
{
    private const string File = "experiments/x.json";

    [GeneratedRegex(@"^experiments/x\.json\((\d+),(\d+)\): error W2S\d{4}: \S.*$", RegexOptions.Singleline)]
    private static partial Regex Canonical();

    private static byte[] Bundled => System.IO.File.ReadAllBytes(RepoPaths.SampleManifest);

    public static IEnumerable<(string Name, byte[] Bytes)> MustFail()
    {
        var bundled = Bundled;
        for (var n = 0; n < bundled.Length - 1; n += 61) yield return ($"bundled truncated at {n}", bundled[..n]);
        var minimal = Encoding.UTF8.GetBytes(ManifestSamples.Minimal);
        for (var n = 1; n < minimal.Length - 1; n += 17) yield return ($"minimal truncated at {n}", minimal[..n]);

        yield return ("array nesting 10000", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("object nesting 10000", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
        yield return ("unclosed nesting 10000", Encoding.UTF8.GetBytes(new string('[', 10_000)));

        byte[][] badUtf8 = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]];
        foreach (var bad in badUtf8)
            for (var at = 0; at < minimal.Length; at += minimal.Length / 3)
                yield return ($"invalid utf-8 {Convert.ToHexString(bad)} at {at}", [.. minimal[..at], .. bad, .. minimal[at..]]);
        yield return ("utf-16 with BOM", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ManifestSamples.Minimal)).ToArray());

        foreach (var text in new[] { "", "   \n", "null", "[]", "42", "\"manifest\"", "{}", "{\"a\":1} x", "{'id': 1}", "{\"id\":1,}", "{\"id\":01}", "{\"id\":NaN}" })
            yield return ($"text {text}", Encoding.UTF8.GetBytes(text));

        foreach (var (path, value) in WrongTypes())
            yield return ($"{path} = {value}", Encoding.UTF8.GetBytes(Replace(ManifestSamples.Minimal, path, value)));
    }

    /// <summary>Every leaf of the minimal manifest given values of the wrong type or range.</summary>
    private static IEnumerable<(string Path, string Value)> WrongTypes()
    {
        string[] leaves = ["schemaVersion", "id", "version", "data.task", "data.sources", "data.sources.0.name", "data.sources.0.path",
            "data.split", "data.split.train1", "data.split.test", "models", "models.weak", "models.weak.family", "training",
            "training.epochs", "training.lr", "losses", "losses.0", "losses.0.name", "seeds", "seeds.0"];
        string[] values = ["\"x\"", "[]", "{}", "true", "1e400", "-1e400", "99999999999999999999", "-7"];
        foreach (var leaf in leaves)
            foreach (var value in values)
            {
                var text = Replace(ManifestSamples.Minimal, leaf, value);
                if (!ManifestLoader.Load(text, File, TaskCatalog.Default).Success) yield return (leaf, value);
            }
    }

    private static string Replace(string json, string dottedPath, string valueJson)
    {
        var root = JsonNode.Parse(json)!;
        var segments = dottedPath.Split('.');
        var parent = segments[..^1].Aggregate(root, (n, s) => int.TryParse(s, out var i) ? n[i]! : n[s]!);
        var last = segments[^1];
        var value = valueJson is "1e400" or "-1e400" or "99999999999999999999" ? null : JsonNode.Parse(valueJson);
        if (int.TryParse(last, out var k)) parent[k] = value ?? "__RAW__"; else parent[last] = value ?? "__RAW__";
        // JsonNode cannot hold 1e400; splice the literal into the text instead.
        return root.ToJsonString().Replace("\"__RAW__\"", valueJson);
    }

    [Fact]
    public void Corpus_is_large_and_every_case_gives_clean_diagnostics_without_throwing()
    {
        var cases = MustFail().ToList();
        Assert.True(cases.Count >= 50, $"only {cases.Count} cases");
        foreach (var (name, bytes) in cases)
        {
            var result = ManifestLoader.Load(bytes, File, TaskCatalog.Default);
            Assert.False(result.Success, name);
            Assert.Null(result.Manifest);
            Assert.NotEmpty(result.Diagnostics);
            var lines = Encoding.UTF8.GetString(bytes).Count(c => c == '\n') + 1;
            foreach (var d in result.Diagnostics)
            {
                var m = Canonical().Match(d.ToString());
                Assert.True(m.Success, $"{name}: {d}");
                Assert.NotEqual("W2S0099", d.Code);
                Assert.InRange(d.Line, 1, lines);
                Assert.True(d.Column >= 1, $"{name}: {d}");
            }
        }
    }

    [Fact]
    public void Random_byte_flips_never_throw()
    {
        var random = new Random(12345);
        var source = Bundled;
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])source.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var result = ManifestLoader.Load(bytes, File, TaskCatalog.Default);
            Assert.Equal(result.Manifest is null, result.Diagnostics.Count > 0);
            Assert.All(result.Diagnostics, d => Assert.Matches(Canonical(), d.ToString()));
            Assert.All(result.Diagnostics, d => Assert.NotEqual("W2S0099", d.Code));
        }
    }

    [Fact]
    public void Deep_nesting_reports_too_deep_not_a_stack_overflow()
    {
        var result = ManifestLoader.Load(new string('[', 10_000) + new string(']', 10_000), File, TaskCatalog.Default);
        Assert.Equal("W2S0003", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Wrong_type_corpus_covers_every_leaf()
    {
        Assert.Equal(21, WrongTypes().Select(w => w.Path).Distinct().Count());
    }
}
