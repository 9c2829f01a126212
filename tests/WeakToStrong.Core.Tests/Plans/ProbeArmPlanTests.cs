using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Tests.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Plans;

/// <summary>The frozen-feature arm as the compiler plans it: one features stage per probe over every seed's data it reads, and per-model seeds.</summary>
public class ProbeArmPlanTests
{
    private static Plan Compile(string text)
    {
        var loaded = ManifestLoader.Load(text, "x.json", TaskCatalog.Default);
        Assert.Empty(loaded.Diagnostics);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, null, [], TaskCatalog.Default);
        Assert.True(resolved.Success, string.Join("\n", resolved.Diagnostics));
        return PlanCompiler.Compile(resolved, "code-v1");
    }

    private static readonly string TwoArms = ManifestSamples.With(
        "\"strong\": { \"family\": \"minilm-l6\" }",
        "\"strong\": { \"family\": \"minilm-l6\" },\n    \"probe\": { \"family\": \"minilm-l6\", \"linearProbe\": true, \"seeds\": [0, 1, 2, 3] }")
        .Replace("\"seeds\": [0, 1]\n", "\"seeds\": [0, 1],\n  \"pairs\": [[\"weak\", \"strong\"], [\"weak\", \"probe\"]]\n");

    [Fact]
    public void A_probe_trains_on_one_features_stage_which_reads_every_seeds_data()
    {
        var plan = Compile(TwoArms);
        Assert.Equal(["data/s0", "data/s1", "data/s2", "data/s3"], plan["features/probe"].DependsOn);
        Assert.Equal(["data/s0", "features/probe"], plan["ceiling/probe/s0"].DependsOn);
        Assert.Equal(["data/s3", "features/probe"], plan["ceiling/probe/s3"].DependsOn);
        Assert.Equal(["label/weak/s0", "data/s0", "features/probe"], plan["transfer/weak->probe/xent/s0"].DependsOn);
        // The fine-tuned strong model reads no features; nothing but probes gets a features stage.
        Assert.Equal(["label/weak/s0", "data/s0"], plan["transfer/weak->strong/xent/s0"].DependsOn);
        Assert.Equal(["features/probe"], plan.OfKind(StageKind.Features).Select(s => s.Id));
        var p = plan["features/probe"].Read<FeaturesParameters>();
        Assert.Equal([0, 1, 2, 3], p.DataSeeds);
        Assert.Equal((Setting.Classification, true), (p.Setting, p.Model.LinearProbe));
    }

    [Fact]
    public void A_features_stage_covers_exactly_the_seeds_its_probe_reads()
    {
        var fewer = Compile(TwoArms.Replace("\"seeds\": [0, 1, 2, 3]", "\"seeds\": [1, 3]"));
        Assert.Equal(["data/s1", "data/s3"], fewer["features/probe"].DependsOn);
        Assert.Equal([1, 3], fewer["features/probe"].Read<FeaturesParameters>().DataSeeds);
        // Another set of seeds is another table: the features stage's key moves with them.
        Assert.NotEqual(Compile(TwoArms)["features/probe"].Key, fewer["features/probe"].Key);
    }

    [Fact]
    public void A_pair_runs_on_its_strong_models_seeds_and_its_weak_model_trains_on_each_of_them()
    {
        var plan = Compile(TwoArms);
        Assert.Equal(["data/s0", "data/s1", "data/s2", "data/s3"], plan.OfKind(StageKind.Data).Select(s => s.Id));
        Assert.Equal(["weak/weak/s0", "weak/weak/s1", "weak/weak/s2", "weak/weak/s3"], plan.OfKind(StageKind.Weak).Select(s => s.Id));
        Assert.Equal(["ceiling/strong/s0", "ceiling/probe/s0", "ceiling/strong/s1", "ceiling/probe/s1", "ceiling/probe/s2", "ceiling/probe/s3"],
            plan.OfKind(StageKind.Ceiling).Select(s => s.Id));
        Assert.DoesNotContain(plan.Stages, s => s.Id == "transfer/weak->strong/xent/s2");
        var evaluate = plan["evaluate"].Read<EvaluateParameters>();
        Assert.Equal([0, 1], evaluate.SeedsOfPair(0));
        Assert.Equal([0, 1, 2, 3], evaluate.SeedsOfPair(1));
    }

    [Fact]
    public void Without_per_model_seeds_the_evaluate_key_is_unchanged_by_the_field()
    {
        var plan = Compile(ManifestSamples.Minimal);
        Assert.False(plan["evaluate"].Parameters.ContainsKey("pairSeeds"));
        Assert.Empty(plan.OfKind(StageKind.Features));
    }

    [Fact]
    public void A_probe_supervisor_labels_from_its_features()
    {
        var plan = Compile(ManifestSamples.With("\"weak\": { \"family\": \"minilm-l6\" }", "\"weak\": { \"family\": \"minilm-l6\", \"size\": \"l1\", \"linearProbe\": true }"));
        Assert.Equal(["weak/weak/s0", "features/weak", "data/s0"], plan["label/weak/s0"].DependsOn);
        Assert.Equal(["data/s0", "features/weak"], plan["weak/weak/s0"].DependsOn);
    }

    [Fact]
    public void With_split_per_seed_false_every_seed_reads_seed_0s_splits_and_the_features_stage_covers_them_alone()
    {
        var perSeed = Compile(TwoArms);
        var shared = Compile(TwoArms.Replace("\"split\": {", "\"splitPerSeed\": false,\n    \"split\": {"));
        Assert.Equal(["data/s0"], shared.OfKind(StageKind.Data).Select(s => s.Id));
        Assert.Equal(["data/s0"], shared["features/probe"].DependsOn);
        Assert.Equal([0], shared["features/probe"].Read<FeaturesParameters>().DataSeeds);
        Assert.Equal(["data/s0", "features/probe"], shared["ceiling/probe/s3"].DependsOn);
        Assert.Equal(["label/weak/s2", "data/s0", "features/probe"], shared["transfer/weak->probe/xent/s2"].DependsOn);
        Assert.Equal(["weak/weak/s1", "data/s0"], shared["label/weak/s1"].DependsOn);
        Assert.Equal(3, shared["ceiling/probe/s3"].Read<TrainParameters>().Seed);
        // The data stage does not see the switch: seed 0's splits have seed 0's key either way.
        Assert.Equal(perSeed["data/s0"].Key, shared["data/s0"].Key);
        Assert.NotEqual(perSeed["features/probe"].Key, shared["features/probe"].Key);
        Assert.NotEqual(perSeed["ceiling/probe/s3"].Key, shared["ceiling/probe/s3"].Key);
    }

    [Fact]
    public void A_probe_of_a_pretrained_body_shares_the_fine_tuned_models_pretrain_stage()
    {
        var text = ManifestSamples.With("\"weak\": { \"family\": \"minilm-l6\" },",
                "\"weak\": { \"family\": \"gpt2-local\", \"size\": \"w32-l1-h1\" },\n    \"weak-lp\": { \"family\": \"gpt2-local\", \"size\": \"w32-l1-h1\", \"linearProbe\": true },")
            .Replace("\"seeds\": [0, 1]\n", "\"seeds\": [0, 1],\n  \"pairs\": [[\"weak\", \"strong\"], [\"weak-lp\", \"strong\"]],\n  \"pretrain\": { \"corpus\": [ { \"name\": \"sotu\", \"path\": \"corpus.txt\" } ], \"steps\": 10 }\n");
        var plan = Compile(text);
        Assert.Equal(plan["pretrain/weak"].Key, plan["pretrain/weak-lp"].Key);
        Assert.Equal(["data/s0", "data/s1", "pretrain/weak-lp"], plan["features/weak-lp"].DependsOn);
    }
}
