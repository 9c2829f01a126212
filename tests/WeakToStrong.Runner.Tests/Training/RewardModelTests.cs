using TorchSharp;
using TorchSharp.PyBridge;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// The pairwise reward model (reward-modelling setting, Burns et al. 2023): packed pairs through the ordinary
/// trainer and predictor, a scalar zero-initialised head, Bradley–Terry on (r_a, r_b).
/// </summary>
public class RewardModelTests
{
    // One layer, one head, a 20-token vocabulary: the marker task below trains in about a second.
    private static readonly Gpt2Config Config = new Gpt2Config(VocabSize: 20, NPositions: 16, NEmbd: 32, NLayer: 1, NHead: 1);
    private const int Marker = 19;

    /// <summary>n pairs of random sequences (ids 0–18, length 3–7); the preferred one also holds the marker. a is
    /// preferred in even pairs; the weak preference s = P(a ≻ b) is soft (0.7 or 0.9 towards the preferred one).</summary>
    private static List<(int[] Ids, float[] SoftLabel)> MarkerPairs(int n, int seed)
    {
        var rng = new Random(seed);
        int[] Sequence() => Enumerable.Range(0, rng.Next(3, 8)).Select(_ => rng.Next(Marker)).ToArray();
        int[] Marked(int[] s)
        {
            var list = s.ToList();
            list.Insert(rng.Next(list.Count + 1), Marker);
            return list.ToArray();
        }
        return Enumerable.Range(0, n).Select(i =>
        {
            bool aPreferred = i % 2 == 0;
            var (a, b) = (Sequence(), Sequence());
            float confidence = i % 4 < 2 ? 0.9f : 0.7f;
            float s = aPreferred ? confidence : 1 - confidence;
            return (PairPacking.Pack(aPreferred ? Marked(a) : a, aPreferred ? b : Marked(b)), new[] { s, 1 - s });
        }).ToList();
    }

    private static TrainOptions Options(long seed = 0) => new()
    {
        LearningRate = 3e-3, BatchSize = 16, MinibatchSize = 8, Epochs = 4, Seed = seed,
    };

    private static bool Same(Tensor x, Tensor y) => x.shape.SequenceEqual(y.shape) && x.eq(y).all().item<bool>();

    [Fact]
    public void PackPrefixesTheFirstLengthAndUnpackRoundTrips()
    {
        var packed = PairPacking.Pack([5, 6, 7], [8, 9]);
        Assert.Equal([3, 5, 6, 7, 8, 9], packed);
        var (a, b) = PairPacking.Unpack(packed);
        Assert.Equal([5, 6, 7], a);
        Assert.Equal([8, 9], b);
        Assert.Equal([[1], [2], [3, 4], [0]], PairPacking.Interleave([PairPacking.Pack([1], [2]), PairPacking.Pack([3, 4], [0])]));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 1, 5 })]          // b empty
    [InlineData(new[] { 0, 5, 6 })]       // a empty
    [InlineData(new[] { 3, 5, 6, 7 })]    // len(a) leaves nothing for b
    [InlineData(new[] { -1, 5, 6 })]
    public void UnpackRejectsMalformedPairs(int[] packed) =>
        Assert.Throws<ArgumentException>(() => PairPacking.Unpack(packed));

    [Fact]
    public void PackRejectsEmptySequences()
    {
        Assert.Throws<ArgumentException>(() => PairPacking.Pack([], [1]));
        Assert.Throws<ArgumentException>(() => PairPacking.Pack([1], []));
    }

    [Fact]
    public void ZeroHeadGivesZeroRewardsSoBradleyTerryStartsAtLn2()
    {
        var data = MarkerPairs(16, seed: 1);
        using var model = PairwiseRewardModel.Gpt2(Config, seed: 0);
        var (ids, mask) = Collator.For(model, data.Select(d => d.Ids).ToList(), CPU);
        Assert.Equal([32L, 8], ids.shape);                       // 2 rows a pair; max length 7 + marker
        using (no_grad())
        {
            using var logits = model.Classify(ids, mask);
            Assert.Equal([16L, 2], logits.shape);
            Assert.Equal(new float[32], logits.data<float>().ToArray());
        }
        var result = SupervisedTrainer.Train(model, data, Options() with { Epochs = 1 }, new BradleyTerryLoss());
        Assert.Equal(Math.Log(2), result.Losses[0], 1e-6);      // −[s + (1−s)]·log σ(0), whatever s is
    }

    [Fact]
    public void BradleyTerryOnRewardsEqualsSoftCrossEntropyOnTheSameLogits()
    {
        double[][] rewards = [[1.3, -0.4], [0.2, 0.9], [-2.0, 1.5]];
        double[] s = [0.8, 0.3, 0.5];
        static double LogSigmoid(double x) => -Math.Log(1 + Math.Exp(-x));
        double expected = rewards.Select((r, i) =>
            -(s[i] * LogSigmoid(r[0] - r[1]) + (1 - s[i]) * LogSigmoid(r[1] - r[0]))).Average();
        using var z = tensor(rewards.SelectMany(r => r.Select(x => (float)x)).ToArray(), 3, 2);
        using var y = tensor(s.SelectMany(p => new[] { (float)p, (float)(1 - p) }).ToArray(), 3, 2);
        using var bt = new BradleyTerryLoss().Compute(z, y, 0);
        using var xent = new XentLoss().Compute(z, y, 0);
        Assert.Equal(expected, bt.item<float>(), 1e-6);
        Assert.Equal(expected, xent.item<float>(), 1e-6);
        Assert.Equal(xent.item<float>(), bt.item<float>(), 1e-6);
    }

    [Fact]
    public void SwappingAAndBNegatesTheRewardDifferenceAndSwapsProbabilities()
    {
        using var model = PairwiseRewardModel.Gpt2(Config, seed: 2);
        using (var gen = new Generator(7))
        using (no_grad()) model.Head.weight!.normal_(0, 1, gen);
        int[] a = [4, 8, 15, 16], b = [2, 3, 5, 7, 11, 13];
        var p = Predictor.PredictProbabilities(model, [PairPacking.Pack(a, b), PairPacking.Pack(b, a)]);

        using var _ = no_grad();
        var (ids, mask) = Collator.Pad([a, b], model.Encoder.PadId, CPU);
        var r = model.Rewards(ids, mask).data<float>().ToArray();
        Assert.NotEqual(r[0], r[1]);
        double pa = 1 / (1 + Math.Exp(-(r[0] - r[1])));          // Bradley–Terry P(a ≻ b) = σ(r_a − r_b)
        Assert.Equal(pa, p[0][0], 1e-6);
        Assert.Equal(1 - pa, p[0][1], 1e-6);
        Assert.Equal(p[0][0], p[1][1], 1e-6);
        Assert.Equal(p[0][1], p[1][0], 1e-6);
    }

    [Fact]
    public void TinyGpt2RewardModelLearnsTheMarkerToFullPairwiseAccuracy()
    {
        var data = MarkerPairs(32, seed: 3);
        using var model = PairwiseRewardModel.Gpt2(Config, seed: 0);
        // lr 1e-2 × 20 epochs: 100% on 15 of 15 (data seed, model seed) pairs tried; 3e-3 reached it on 10 of 15.
        var result = SupervisedTrainer.Train(model, data, Options() with { LearningRate = 1e-2, Epochs = 20 }, new BradleyTerryLoss());
        Assert.Equal(32 * 20 / 16, result.Steps);
        var p = Predictor.PredictProbabilities(model, data.Select(d => d.Ids).ToList());
        Assert.Equal(1.0, ReferenceAccuracy.Accuracy(p, data.Select(d => d.SoftLabel).ToList()));
        // Soft targets: the loss cannot go below their mean entropy, and a model that matches them gets close to it.
        static double H(double s) => -(s * Math.Log(s) + (1 - s) * Math.Log(1 - s));
        double floor = data.Average(d => H(d.SoftLabel[0]));
        double final = data.Zip(p).Average(x => -(x.First.SoftLabel[0] * Math.Log(x.Second[0]) + x.First.SoftLabel[1] * Math.Log(x.Second[1])));
        Assert.InRange(final, floor - 1e-6, floor + 0.05);
    }

    private static byte[] TrainAndSave(long dataSeed)
    {
        var data = MarkerPairs(32, seed: 4);
        using var model = PairwiseRewardModel.Gpt2(Config, seed: 0);
        SupervisedTrainer.Train(model, data, Options(dataSeed), new BradleyTerryLoss());
        var path = TinyTask.TempFile("rm-det");
        try
        {
            Checkpoint.Save(model, path);
            return File.ReadAllBytes(path);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void SameSeedGivesBitIdenticalRewardModels()
    {
        var first = TrainAndSave(0);
        Assert.Equal(first, TrainAndSave(0));
        Assert.NotEqual(first, TrainAndSave(1));                 // data order
    }

    [Fact]
    public void LinearProbeTrainsOnlyTheRewardHead()
    {
        var data = MarkerPairs(32, seed: 5);
        using var model = PairwiseRewardModel.Gpt2(Config, seed: 0, linearProbe: true);
        var trainable = model.Module.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToArray();
        Assert.Equal(["score.weight"], trainable);
        var before = model.Body.parameters().Select(p => p.detach().clone()).ToList();
        SupervisedTrainer.Train(model, data, Options(), new BradleyTerryLoss());
        var after = model.Body.parameters().ToList();
        Assert.Equal(before.Count, after.Count);
        for (int i = 0; i < before.Count; i++) Assert.True(Same(before[i], after[i]));
        Assert.True(model.Head.weight!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void CheckpointHasHfOneLabelHeadAndLoadsAsAGpt2Body()
    {
        using var model = PairwiseRewardModel.Gpt2(Config, seed: 6);
        using var classifier = Gpt2Classifier.Create(Config, seed: 6);
        var path = TinyTask.TempFile("rm-keys");
        try
        {
            Checkpoint.Save(model, path);
            var state = Safetensors.LoadStateDict(path);
            Assert.Equal([1L, 32], state["score.weight"].shape);
            // Same body keys as GPT2ForSequenceClassification; only the head's row count differs (1 label, not 2).
            Assert.Equal(classifier.state_dict().Keys.Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
            Assert.All(state.Keys.Where(k => k != "score.weight"), k => Assert.StartsWith("transformer.", k));
            foreach (var t in state.Values) t.Dispose();

            using var other = PairwiseRewardModel.Gpt2(Config, seed: 7);
            Assert.False(Same(model.Body.parameters().First(), other.Body.parameters().First()));
            Gpt2Checkpoint.LoadBody(other.Gpt2Body!, path);        // reads transformer.*, ignores score.weight
            Assert.All(model.Body.parameters().Zip(other.Body.parameters()), pair => Assert.True(Same(pair.First, pair.Second)));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Bf16ComputeKeepsFp32ParametersAndRewardsCloseToFp32()
    {
        using var model = PairwiseRewardModel.Gpt2(Config, seed: 8);
        using (var gen = new Generator(9))
        using (no_grad()) model.Head.weight!.normal_(0, 1, gen);
        var (ids, mask) = Collator.For(model, [PairPacking.Pack([1, 2, 3], [4, 5])], CPU);
        using var _ = no_grad();
        float[] fp32;
        using (var logits = model.Classify(ids, mask)) fp32 = logits.data<float>().ToArray();
        SupervisedTrainer.SetPrecision(model, Precision.Bf16);
        Assert.Equal(ScalarType.BFloat16, model.Gpt2Body!.ComputeType);
        using var bf16 = model.Classify(ids, mask);
        Assert.Equal(ScalarType.Float32, bf16.dtype);
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        var r = bf16.data<float>().ToArray();
        for (int i = 0; i < 2; i++) Assert.True(Math.Abs(r[i] - fp32[i]) < 0.05 * (1 + Math.Abs(fp32[i])), $"{r[i]} vs {fp32[i]}");
    }

    [Fact]
    public void MiniLmRewardIsTheHeadOnTheClassifiersMeanPooledEmbedding()
    {
        using var model = PairwiseRewardModel.MiniLm(seed: 0, linearProbe: true);
        Assert.Equal(["classifier.weight"], model.Module.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToArray());
        Assert.Equal([1L, 384], model.Module.state_dict()["classifier.weight"].shape);
        Assert.All(model.Module.state_dict().Keys.Where(k => k != "classifier.weight"), k => Assert.StartsWith("bert.", k));

        var enc = model.Encoder;
        var pairs = new List<int[]>
        {
            PairPacking.Pack(enc.Encode("a helpful answer"), enc.Encode("no.")),
            PairPacking.Pack(enc.Encode("The lazy dog sleeps all day."), enc.Encode("a fox")),
        };
        var (ids, mask) = Collator.For(model, pairs, CPU);
        using var _ = no_grad();
        Assert.Equal(new float[4], model.Classify(ids, mask).data<float>().ToArray());

        using (var gen = new Generator(10)) model.Head.weight!.normal_(0, 0.1, gen);
        using var rewards = model.Rewards(ids, mask);
        // An independent copy of the classifier's body and pooling: the reward is its head on the same embedding.
        using var embedding = Bert.MiniLmReference.Model.Embed(ids, mask);
        using var expected = embedding.matmul(model.Head.weight!.t()).squeeze(-1);
        Assert.True(rewards.isfinite().all().item<bool>());
        Assert.True(rewards.allclose(expected, rtol: 1e-5, atol: 1e-6));
        Assert.True(rewards.abs().sum().item<float>() > 0);
    }
}
