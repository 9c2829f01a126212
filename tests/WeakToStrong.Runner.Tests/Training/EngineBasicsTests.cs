using WeakToStrong.Training.Models;
using WeakToStrong.Training.Tokenization;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

public class EngineBasicsTests
{
    [Fact]
    public void Gpt2TokenizerGivesHuggingFaceIds() =>
        Assert.Equal([15496, 995, 0], Gpt2TextEncoder.Shared.Encode("Hello world!"));

    [Fact]
    public void Gpt2SmallHas85MNonEmbeddingParameters()
    {
        // 124,439,808 total − wte 38,597,376 − wpe 786,432 (HF's gpt2).
        Assert.Equal(85_056_000, new Gpt2Config().NonEmbeddingParameters); // the defaults are gpt2
        using var model = new Gpt2Model(new Gpt2Config(NEmbd: 64, NLayer: 2, NHead: 1, VocabSize: 10, NPositions: 8), 0);
        long counted = model.named_parameters().Where(p => !p.name.StartsWith("w")).Sum(p => p.parameter.numel());
        Assert.Equal(new Gpt2Config(NEmbd: 64, NLayer: 2, NHead: 1).NonEmbeddingParameters, counted);
    }

    [Fact]
    public void ClassifierReadsTheLastRealTokenEvenWhenItIsIdZero()
    {
        // "!" is id 0 in GPT-2: counting non-zero ids (the reference) would read position 1 here, not 3.
        using var model = Gpt2Classifier.Create(TinyTask.Config, seed: 0);
        using (var gen = new TorchSharp.torch.Generator(7))
        using (no_grad()) model.named_parameters().Single(p => p.name == "score.weight").parameter.normal_(0, 1, gen);
        int[] ids = [4, 0, 7, 0];
        using var _ = no_grad();
        // Logits, not probabilities: a saturated softmax could hide which position was read.
        float Logit(int[][] batch)
        {
            var (x, mask) = Collator.Pad(batch, 0, CPU);
            using (x) using (mask) using (var logits = model.Classify(x, mask)) return logits[0, 1].item<float>() - logits[0, 0].item<float>();
        }
        float alone = Logit([ids]);
        Assert.Equal(alone, Logit([ids, [1, 2, 3, 4, 5, 6, 7, 8]]), 4);
        Assert.True(Math.Abs(alone - Logit([ids[..2]])) > 1e-3, "reading position 1 would give the same logit as the truncated input");
    }

    [Fact]
    public void CheckpointRoundTripsAndIsByteStable()
    {
        using var a = Gpt2Classifier.Create(TinyTask.Config, seed: 11);
        using var b = Gpt2Classifier.Create(TinyTask.Config, seed: 11);
        using var c = Gpt2Classifier.Create(TinyTask.Config, seed: 12);
        string pa = TinyTask.TempFile("a"), pb = TinyTask.TempFile("b"), pc = TinyTask.TempFile("c");
        try
        {
            Checkpoint.Save(a, pa);
            Checkpoint.Save(b, pb);
            Assert.Equal(File.ReadAllBytes(pa), File.ReadAllBytes(pb));
            Checkpoint.Load(c, pa);
            Checkpoint.Save(c, pc);
            Assert.Equal(File.ReadAllBytes(pa), File.ReadAllBytes(pc));
            Assert.Contains("score.weight", TorchSharp.PyBridge.Safetensors.LoadStateDict(pa).Keys);
        }
        finally { File.Delete(pa); File.Delete(pb); File.Delete(pc); }
    }

    [Fact]
    public void BatchPlanConcatenatesEpochsInOneOrderAndDropsTheRemainder()
    {
        var batches = BatchPlan.Batches(n: 10, epochs: 2, batchSize: 3, seed: 42);
        Assert.Equal(6, batches.Length);                          // ⌊20/3⌋
        var flat = batches.SelectMany(b => b).ToArray();
        Assert.Equal(flat[..10].Order(), Enumerable.Range(0, 10)); // epoch 1 is a permutation
        Assert.Equal(flat[..8], flat[10..]);                       // epoch 2 repeats it, crossing batch 4
        Assert.NotEqual(Enumerable.Range(0, 10), flat[..10]);
        Assert.NotEqual(flat[..10], BatchPlan.Batches(10, 1, 10, seed: 43)[0]);
    }

    [Fact]
    public void MetricsBreakTiesTowardClassZero()
    {
        Assert.Equal(0.5, ReferenceAccuracy.Accuracy([[0.5f, 0.5f], [0.5f, 0.5f]], [[1, 0], [0, 1]]));
        Assert.Equal(1.0, ReferenceAccuracy.Accuracy([[0.2f, 0.8f], [0.9f, 0.1f]], [[0.3f, 0.7f], [0.6f, 0.4f]]));
    }

    [Fact]
    public void CudaRequestFailsWithOneClearMessageWhenAbsent()
    {
        Assert.Equal(CPU.type, DeviceSelector.Resolve("cpu").type);
        Assert.Throws<ArgumentException>(() => DeviceSelector.Resolve("tpu"));
        if (cuda.is_available()) return; // on a CUDA build with a GPU there is nothing to refuse
        var e = Assert.Throws<InvalidOperationException>(() => DeviceSelector.Resolve("cuda"));
        Assert.StartsWith("--device cuda: CUDA is not available", e.Message);
    }
}
