using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Core.Tests.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Plans;

public class PlanCompilerTests
{
    private const string Code = "code-v1";

    private static Plan Compile(string text, string? scale = null, params string[] set)
    {
        var loaded = ManifestLoader.Load(text, "x.json", TaskCatalog.Default);
        Assert.Empty(loaded.Diagnostics);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, scale, [OverrideLayer.FromCommandLine(set)], TaskCatalog.Default);
        Assert.True(resolved.Success, string.Join("\n", resolved.Diagnostics));
        return PlanCompiler.Compile(resolved, Code);
    }

    private static string Bundled => File.ReadAllText(RepoPaths.SampleManifest);

    private static Dictionary<string, string> Keys(Plan p) => p.Stages.ToDictionary(s => s.Id, s => s.Key);

    /// <summary>Ids of stages whose key differs between two plans with the same stage ids.</summary>
    private static string[] Changed(Plan a, Plan b)
    {
        Assert.Equal(a.Stages.Select(s => s.Id), b.Stages.Select(s => s.Id));
        return a.Stages.Zip(b.Stages).Where(z => z.First.Key != z.Second.Key).Select(z => z.First.Id).ToArray();
    }

    [Fact]
    public void Smoke_plan_of_nlp_definitions_has_the_expected_stages_in_dependency_order()
    {
        var plan = Compile(Bundled, "smoke");
        Assert.Equal([
            "data/s0", "pretrain/weak", "weak/weak/s0", "label/weak/s0", "ceiling/strong/s0",
            "transfer/weak->strong/xent/s0", "transfer/weak->strong/logconf/s0", "evaluate",
        ], plan.Stages.Select(s => s.Id));
        Assert.Equal(["label/weak/s0", "data/s0"], plan["transfer/weak->strong/xent/s0"].DependsOn);
        Assert.Equal(["data/s0", "pretrain/weak"], plan["weak/weak/s0"].DependsOn);
        var seen = new HashSet<string>();
        foreach (var s in plan.Stages) { Assert.All(s.DependsOn, d => Assert.Contains(d, seen)); seen.Add(s.Id); }
        Assert.All(plan.Stages, s => Assert.Matches("^[0-9a-f]{64}$", s.Key));
        Assert.Equal(plan.Stages.Count, plan.Stages.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void Stage_parameters_hold_the_resolved_values_the_stage_depends_on()
    {
        var plan = Compile(Bundled, "smoke");
        var weak = plan["weak/weak/s0"].Parameters;
        Assert.Equal(1e-3, (double)weak["training"]!["lr"]!); // the smoke scale's override of the model's
        Assert.Equal(64, (int)weak["training"]!["maxCtx"]!);   // the smoke scale
        Assert.Equal("train1", (string)weak["training"]!["ceilingSplit"]!); // normalised: the ceiling's trainOn carries it
        Assert.Equal("gpt2-local", (string)weak["model"]!["family"]!);
        Assert.Equal(1e-4, (double)plan["ceiling/strong/s0"].Parameters["training"]!["lr"]!);
        Assert.Equal(5e-4, (double)Compile(Bundled, "cpu")["weak/weak/s0"].Parameters["training"]!["lr"]!); // the model's own override
        Assert.Equal("train1", (string)plan["ceiling/strong/s0"].Parameters["trainOn"]!);
        var loss = plan["transfer/weak->strong/logconf/s0"].Parameters["loss"]!;
        Assert.Equal("""{"name":"logconf","auxCoef":0.5,"warmup":"linear","warmupFrac":0.2}""", loss.ToJsonString());
        Assert.Equal(256, (int)plan["data/s0"].Parameters["split"]!["train1"]!);
        Assert.Null(plan["data/s0"].Parameters["training"]);
    }

    [Fact]
    public void Key_order_and_whitespace_never_change_keys()
    {
        var reordered = """
            {"seeds":[0,1.0],"losses":[{"name":"xent"}],"training":{"lr":1e-3,"epochs":1},
             "models":{"weak":{"family":"minilm-l6"},"strong":{"family":"minilm-l6"}},
             "data":{"split":{"test":10,"train2":10,"train1":10,"seed":0},"sources":[{"path":"wordnet/dict","name":"w"}],"task":"definitions"},
             "version":"1.0.0","id":"t","schemaVersion":1}
            """;
        Assert.Equal(Keys(Compile(ManifestSamples.Minimal)), Keys(Compile(reordered)));
    }

    [Fact]
    public void Changing_lr_changes_training_stages_but_not_data_or_pretrain()
    {
        // At cpu scale the weak model overrides lr and the strong one takes the shared value, so only the strong
        // model's stages (and what consumes them) change.
        var changed = Changed(Compile(Bundled, "cpu", "seeds=[0]"), Compile(Bundled, "cpu", "seeds=[0]", "training.lr=1e-4"));
        Assert.Equal(["ceiling/strong/s0", "transfer/weak->strong/xent/s0", "transfer/weak->strong/logconf/s0", "evaluate"], changed);
        // At smoke scale both models override lr: the shared value changes nothing.
        Assert.Empty(Changed(Compile(Bundled, "smoke"), Compile(Bundled, "smoke", "training.lr=1e-4")));
        var changedWeak = Changed(Compile(Bundled, "smoke"), Compile(Bundled, "smoke", "models.weak.training.lr=2e-3"));
        Assert.Equal(["weak/weak/s0", "label/weak/s0", "transfer/weak->strong/xent/s0", "transfer/weak->strong/logconf/s0", "evaluate"], changedWeak);
    }

    [Fact]
    public void Changing_pretrain_precision_changes_the_pretrain_key_and_everything_downstream_of_it()
    {
        var changed = Changed(Compile(Bundled, "smoke"), Compile(Bundled, "smoke", "pretrain.precision=bf16"));
        Assert.Equal(["pretrain/weak", "weak/weak/s0", "label/weak/s0", "transfer/weak->strong/xent/s0", "transfer/weak->strong/logconf/s0", "evaluate"], changed);
    }

    [Fact]
    public void Changing_the_ceiling_split_changes_only_the_ceiling_and_evaluate()
    {
        var changed = Changed(Compile(Bundled, "smoke"), Compile(Bundled, "smoke", "training.ceilingSplit=train2"));
        Assert.Equal(["ceiling/strong/s0", "evaluate"], changed);
    }

    [Fact]
    public void Changing_the_split_seed_changes_every_stage_that_reads_data()
    {
        var changed = Changed(Compile(Bundled, "smoke"), Compile(Bundled, "smoke", "data.split.seed=1"));
        // Pretraining reads only the corpus, never the task's split: it is reused.
        Assert.Equal(Compile(Bundled, "smoke").Stages.Select(s => s.Id).Where(id => id != "pretrain/weak"), changed);
    }

    [Fact]
    public void Changing_one_loss_parameter_changes_only_that_transfer_and_evaluate()
    {
        var changed = Changed(Compile(Bundled, "smoke"), Compile(Bundled, "smoke", "losses.1.warmup=step"));
        Assert.Equal(["transfer/weak->strong/logconf/s0", "evaluate"], changed);
    }

    [Fact]
    public void Writing_a_default_explicitly_changes_no_key()
    {
        Assert.Equal(Keys(Compile(ManifestSamples.Minimal)), Keys(Compile(ManifestSamples.Minimal, null, "training.batchSize=32", "setting=classification")));
    }

    [Fact]
    public void Code_version_is_part_of_every_key()
    {
        var loaded = ManifestLoader.Load(ManifestSamples.Minimal, "x.json", TaskCatalog.Default);
        var a = PlanCompiler.Compile(loaded.Manifest!, TaskCatalog.Default, "v1");
        var b = PlanCompiler.Compile(loaded.Manifest!, TaskCatalog.Default, "v2");
        Assert.All(a.Stages.Zip(b.Stages), z => Assert.NotEqual(z.First.Key, z.Second.Key));
    }

    [Fact]
    public void Default_pairs_are_every_weak_before_strong_in_declared_order_and_chains_add_bootstrap_steps()
    {
        var plan = Compile(ManifestSamples.Minimal.Replace("\"strong\": { \"family\": \"minilm-l6\" }",
            "\"mid\": { \"family\": \"minilm-l6\" },\n    \"strong\": { \"family\": \"minilm-l6\" }")
            .Replace("\"seeds\": [0, 1]", "\"seeds\": [0],\n  \"bootstrap\": [[\"weak\", \"mid\", \"strong\"]]"));
        Assert.Equal(["transfer/weak->mid/xent/s0", "transfer/weak->strong/xent/s0", "transfer/mid->strong/xent/s0"],
            plan.OfKind(StageKind.Transfer).Select(s => s.Id));
        Assert.Equal(["bootstrap/weak->mid->strong/xent/1/s0", "bootstrap/weak->mid->strong/xent/2/s0"], plan.OfKind(StageKind.Bootstrap).Select(s => s.Id));
        Assert.Equal(["label/weak/s0", "data/s0"], plan["bootstrap/weak->mid->strong/xent/1/s0"].DependsOn);
        Assert.Equal(["bootstrap/weak->mid->strong/xent/1/s0", "data/s0"], plan["bootstrap/weak->mid->strong/xent/2/s0"].DependsOn);
    }

    [Fact]
    public void Renaming_a_model_keeps_the_keys_of_its_stages()
    {
        var a = Compile(ManifestSamples.Minimal);
        var b = Compile(ManifestSamples.Minimal.Replace("\"weak\":", "\"small\":"));
        Assert.Equal(a["weak/weak/s0"].Key, b["weak/small/s0"].Key);
        Assert.Equal(a["transfer/weak->strong/xent/s1"].Key, b["transfer/small->strong/xent/s1"].Key);
    }

    [Fact]
    public void Render_lists_each_stage_with_key_prefix_and_inputs()
    {
        var plan = Compile(Bundled, "smoke");
        var lines = plan.Render().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Plan for nlp-definitions at scale smoke: 8 stages (code code-v1)", lines[0]);
        Assert.Equal(9, lines.Length);
        var t = plan["transfer/weak->strong/xent/s0"];
        Assert.Contains($"  {t.Id.PadRight(plan.Stages.Max(s => s.Id.Length))}  {t.Key[..12]}  <- label/weak/s0, data/s0", lines);
    }
}
