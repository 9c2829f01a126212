using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

public class BundledManifestTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.Experiments, "*.json").Where(f => !f.EndsWith(".schema.json")).Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory, MemberData(nameof(Files))]
    public void Bundled_manifest_loads_without_diagnostics_including_every_scale(string file)
    {
        var result = ManifestLoader.Load(File.ReadAllBytes(Path.Combine(RepoPaths.Experiments, file)), "experiments/" + file, TaskCatalog.Default);
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.True(result.Success);
        Assert.Equal("./manifest.schema.json", result.Manifest!.Schema);
    }

    [Fact]
    public void Nlp_definitions_supervises_the_whole_minilm_with_its_first_three_layers()
    {
        var m = ManifestLoader.Load(File.ReadAllBytes(Path.Combine(RepoPaths.Experiments, "nlp-definitions.json")), "x", TaskCatalog.Default).Manifest!;
        Assert.Equal("nlp-definitions", m.Id);
        Assert.Equal([("l3", ModelFamily.MiniLmL6, "l3"), ("minilm", ModelFamily.MiniLmL6, null)], m.Models.Select(p => (p.Key, p.Value.Family, p.Value.Size)));
        Assert.Equal([LossName.Xent, LossName.LogConf], m.Losses.Select(l => l.Name));
        Assert.Equal([0, 1, 2], m.Seeds);
        Assert.Equal(1e-4, m.Models["l3"].Training!.Lr);
        // smoke is seed 0 of the cpu scale: at 500 items the gap was 0.4 SE (docs/feasibility.md)
        Assert.Equal([0], m.Scales!.Smoke!["seeds"].EnumerateArray().Select(e => e.GetInt32()));
        Assert.NotNull(m.Scales.Paper);
    }

    [Fact]
    public void Chatgpt_rm_is_the_reward_model_setting_on_brown_continuation_and_says_its_data_is_a_stand_in()
    {
        var m = ManifestLoader.Load(File.ReadAllBytes(Path.Combine(RepoPaths.Experiments, "chatgpt-rm.json")), "x", TaskCatalog.Default).Manifest!;
        Assert.Equal("chatgpt-rm", m.Id);
        Assert.Equal(Setting.RewardModel, m.Setting);
        Assert.Equal("brown-continuation", m.Data.Task);
        Assert.Equal([LossName.BradleyTerry], m.Losses.Select(l => l.Name));
        // weak: MiniLM cut to its first layer; strong: the whole MiniLM (the GPT-2 reward models measured at chance)
        Assert.Equal([(ModelFamily.MiniLmL6, "l1"), (ModelFamily.MiniLmL6, null)], m.Models.Values.Select(s => (s.Family, s.Size)));
        Assert.Contains("not public", m.Description);
        Assert.Contains("pairwise-jsonl", m.Description);
        Assert.NotNull(m.Scales!.Smoke);
        Assert.NotNull(m.Scales.Cpu);
        Assert.NotNull(m.Scales.Paper);
    }
}
