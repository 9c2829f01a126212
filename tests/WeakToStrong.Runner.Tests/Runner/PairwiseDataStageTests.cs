using System.Security.Cryptography;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>The data stage for reward modelling on a user's own pairs (a `path` source, task pairwise-jsonl).</summary>
public sealed class PairwiseDataStageTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-pairs-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    DataSpec Spec(string task = "pairwise-jsonl")
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"{{\"prompt\":\"P{i}\",\"chosen\":\"good {i}\",\"rejected\":\"bad {i}\",\"soft_preference\":0.3}}");
        string path = Path.Combine(root, "pairs.jsonl");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return new DataSpec
        {
            Task = task,
            Sources = [new SourceSpec { Name = "pairs", Path = "pairs.jsonl", Sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) }],
            Split = new SplitSpec { Train1 = 10, Train2 = 10, Test = 10, Validation = 5 },
        };
    }

    DataParameters Parameters(Setting setting)
    {
        var spec = Spec();
        return new DataParameters(spec.Task, BuilderVersion: "1", setting, spec.Sources, spec.Split, new Dictionary<string, System.Text.Json.JsonElement>(), Seed: 0);
    }

    SourceCache Sources() => new(Path.Combine(root, "cache"), dataRoot: root);

    [Fact]
    public async Task AUsersPairsAreSplitWholeAsGroundTruthWithTheirSoftPreferencesDropped()
    {
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        var result = await DataStage.RunAsync(Parameters(Setting.RewardModel), Sources(), work, CancellationToken.None);

        Assert.Equal(["test", "train1", "train2", "validation"], result.Files.Keys.Order());
        var split = result.Files.ToDictionary(f => f.Key, f => UserData.ReadPairwise(f.Value));
        Assert.Equal([10, 10, 10, 5], new[] { "train1", "train2", "test", "validation" }.Select(s => split[s].Count));
        var all = split.Values.SelectMany(v => v).ToList();
        Assert.Equal(35, all.Select(p => p.Id).Distinct().Count());
        Assert.All(all, p => Assert.Equal((p.Prompt[1..], p.Prompt[1..]), (p.Chosen[5..], p.Rejected[4..])));
        Assert.All(all, p => Assert.Null(p.SoftPreference));
        Assert.Equal(40, (int)result.Metrics["taskItems"]!);
        Assert.Equal("pairwise-jsonl", (string)result.Metrics["task"]!);
    }

    [Fact]
    public async Task ATaskOfTheOtherSettingIsRefusedBeforeAnythingIsFetched()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DataStage.RunAsync(Parameters(Setting.Classification), Sources(), root, CancellationToken.None));
        Assert.Equal("task 'pairwise-jsonl' builds reward-model items, but the manifest's setting is classification", e.Message);
        Assert.False(Directory.Exists(Path.Combine(root, "cache")));
    }

    [Fact]
    public async Task AnErrorInTheUsersFileNamesTheirPathAndLineNotTheCacheCopy()
    {
        var good = Spec(); // writes the good file, which the bad one replaces
        string path = Path.Combine(root, "pairs.jsonl");
        File.WriteAllText(path, "{\"prompt\":\"P\",\"chosen\":\"a\",\"rejected\":\"b\"}\n{\"prompt\":\"Q\",\"chosen\":\"same\",\"rejected\":\"same\"}\n");
        var spec = good with { Sources = [new SourceSpec { Name = "pairs", Path = "pairs.jsonl", Sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) }] };
        var parameters = new DataParameters(spec.Task, "1", Setting.RewardModel, spec.Sources, spec.Split, new Dictionary<string, System.Text.Json.JsonElement>(), Seed: 0);

        var e = await Assert.ThrowsAsync<DataFormatException>(() => DataStage.RunAsync(parameters, Sources(), Directory.CreateDirectory(Path.Combine(root, "w")).FullName, CancellationToken.None));
        Assert.Equal(["pairs.jsonl(2): error: 'chosen' and 'rejected' are identical"], e.Errors);
    }
}
