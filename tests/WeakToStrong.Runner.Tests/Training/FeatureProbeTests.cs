using TorchSharp;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Probes;
using WeakToStrong.Training.Tokenization;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// The frozen-feature arm's model: a head on a features table is the frozen classifier's own head on the frozen
/// body's pooled output, computed once instead of at every step.
/// </summary>
public class FeatureProbeTests
{
    private static readonly string[] Texts =
    [
        "The whale rose from the deep.", "Call me Ishmael.", "It was a dark and stormy night on the sea.",
        "A short one.", "The harpooneer slept in the same bed as the narrator, much to his alarm.", "Stubb ate the whale.",
    ];

    private static Gpt2Classifier FrozenWithRandomHead()
    {
        var frozen = Gpt2Classifier.Create(new Gpt2Config(NEmbd: 32, NLayer: 1, NHead: 2), seed: 3, linearProbe: true);
        using (no_grad())
            frozen.named_parameters().Single(p => p.name == "score.weight").parameter.normal_(0, 0.5, new Generator(7));
        return frozen;
    }

    [Fact]
    public void A_probe_on_the_frozen_bodys_features_predicts_what_the_frozen_classifier_with_the_same_head_predicts()
    {
        using var frozen = FrozenWithRandomHead();
        var ids = Texts.Select(t => frozen.Encoder.Encode(t)).ToList();
        using var probe = FeatureProbe.Classifier(FeatureExtraction.Compute(frozen, ids, 4, out var tokens), frozen.Encoder, maxCtx: 64);
        using (no_grad()) probe.Head.weight!.copy_(frozen.named_parameters().Single(p => p.name == "score.weight").parameter);

        var expected = Predictor.PredictProbabilities(frozen, ids, 64);
        var actual = Predictor.PredictProbabilities(probe, Texts.Select(t => probe.Encoder.Encode(t)).ToList(), 64);
        for (int i = 0; i < Texts.Length; i++)
            for (int k = 0; k < 2; k++)
                Assert.Equal(expected[i][k], actual[i][k], 1e-5);
        Assert.NotEqual(0.5f, expected[0][0], 1e-3); // the head is not zero: the comparison can fail
        Assert.Equal(ids.Sum(x => x.Length), tokens.Real);
    }

    [Fact]
    public void A_probes_examples_are_one_row_id_each_and_its_checkpoint_is_the_head_alone()
    {
        using var frozen = FrozenWithRandomHead();
        var ids = Texts.Select(t => frozen.Encoder.Encode(t)).Append(frozen.Encoder.Encode(Texts[0])).ToList(); // a duplicate input
        using var probe = FeatureProbe.Classifier(FeatureExtraction.Compute(frozen, ids, 4, out _), frozen.Encoder, maxCtx: 64);
        Assert.Equal([[0], [1], [2], [3], [4], [5]], Texts.Select(t => probe.Encoder.Encode(t)));
        Assert.Equal(["classifier.weight"], probe.Module.state_dict().Keys);
        Assert.Equal([2L, 32L], probe.Head.weight!.shape);
        var error = Assert.Throws<InvalidOperationException>(() => probe.Encoder.Encode("A text the features stage never saw."));
        Assert.Contains("is not in the features table", error.Message);
    }

    [Fact]
    public void Inputs_longer_than_the_context_are_cut_before_their_row_is_looked_up_as_the_model_itself_cuts_them()
    {
        using var frozen = FrozenWithRandomHead();
        var cut = Texts.Select(t => frozen.Encoder.Encode(t)).Select(x => x.Length <= 4 ? x : x[..4]).ToList();
        using var probe = FeatureProbe.Classifier(FeatureExtraction.Compute(frozen, cut, 4, out _), frozen.Encoder, maxCtx: 4);
        Assert.Equal([4], probe.Encoder.Encode(Texts[4]));
    }

    [Fact]
    public void A_features_table_survives_a_save_and_load_bit_for_bit()
    {
        using var frozen = FrozenWithRandomHead();
        var ids = Texts.Select(t => frozen.Encoder.Encode(t)).ToList();
        using var table = FeatureExtraction.Compute(frozen, ids, 4, out _);
        string path = Path.Combine(Directory.CreateTempSubdirectory("w2s-features-").FullName, "f.safetensors");
        table.Save(path);
        using var loaded = FeatureTable.Load(path);
        Assert.Equal(table.Features.data<float>().ToArray(), loaded.Features.data<float>().ToArray());
        Assert.Equal(ids.Select(table.RowOf), ids.Select(loaded.RowOf));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void A_probe_trains_on_its_rows_through_the_ordinary_trainer()
    {
        using var frozen = FrozenWithRandomHead();
        var ids = Texts.Select(t => frozen.Encoder.Encode(t)).ToList();
        using var probe = FeatureProbe.Classifier(FeatureExtraction.Compute(frozen, ids, 4, out _), frozen.Encoder, maxCtx: 64);
        // Labels the frozen head separates: its own argmax, so a linear head on these features can fit them exactly.
        var targets = Predictor.PredictProbabilities(frozen, ids, 64).Select(p => p[1] > p[0] ? new[] { 0f, 1f } : new[] { 1f, 0f }).ToList();
        Assert.Contains(targets, t => t[0] == 1f);
        Assert.Contains(targets, t => t[1] == 1f);
        var data = Texts.Select((t, i) => (probe.Encoder.Encode(t), targets[i])).ToList();
        var options = new TrainOptions { Epochs = 300, BatchSize = 6, MinibatchSize = 6, LearningRate = 0.05, Seed = 0, Schedule = Schedule.Constant };
        SupervisedTrainer.Train(probe, data, options, new WeakToStrong.Training.Losses.XentLoss());
        var p = Predictor.PredictProbabilities(probe, data.Select(d => d.Item1).ToList(), 64);
        Assert.Equal(targets.Select(t => t[1] > t[0]), p.Select(q => q[1] > q[0]));
    }

    [Fact]
    public void A_cross_encoders_rows_are_found_for_pairs_too()
    {
        var wordPiece = WordPieceEncoder.ForMiniLm(64);
        int[] pair = wordPiece.EncodePair("what is a whale?", "a large marine mammal");
        using var features = zeros(1, 3);
        using var probe = FeatureProbe.Classifier(FeatureTable.Create([pair], features), wordPiece, maxCtx: 64);
        var encoder = Assert.IsAssignableFrom<IPairTextEncoder>(probe.Encoder);
        Assert.Equal([0], encoder.EncodePair("what is a whale?", "a large marine mammal"));
    }
    public static TheoryData<string> Losses => ["xent", "logconf"];

    private static ILoss Create(string lossName) => lossName switch
    {
        "xent" => new XentLoss(),
        "logconf" => LogConfidenceLoss.From(new LossSpec { Name = LossName.LogConf, AuxCoef = 0.5, Warmup = Warmup.Step, WarmupFrac = 0.2 }),
        _ => EntropyLoss.From(new LossSpec { Name = LossName.Entropy, AuxCoef = 0.5, Warmup = Warmup.Step, WarmupFrac = 0.2 }),
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public void A_probe_trained_on_the_host_ends_within_float_rounding_of_the_general_loop(string lossName)
    {
        var (rows, labels) = RandomRows(40, 16);
        var data = Enumerable.Range(0, 40).Select(i => (new[] { i }, labels[i])).ToList();
        using var direct = FeatureProbe.Classifier(FeatureTable.Create(Enumerable.Range(0, 40).Select(i => new[] { i }).ToList(), rows), Gpt2TextEncoder.Shared, 64);
        using var general = FeatureProbe.Classifier(FeatureTable.Create(Enumerable.Range(0, 40).Select(i => new[] { i }).ToList(), rows), Gpt2TextEncoder.Shared, 64);
        var loss = Create(lossName);
        Assert.IsAssignableFrom<IHostLoss>(loss);
        var options = new TrainOptions { Epochs = 5, BatchSize = 10, MinibatchSize = 10, LearningRate = 1e-2, Seed = 3, Precision = Precision.Fp32 };

        var host = SupervisedTrainer.Train(direct, data, options, loss);
        var tensors = SupervisedTrainer.Train(new TokenPath(general), data, options, loss);

        AssertWithinRounding(tensors, host, general, direct);
    }

    [Fact]
    public void A_probe_whose_loss_has_no_host_form_trains_on_its_rows_bit_for_bit_as_the_general_loop_does()
    {
        var (rows, labels) = RandomRows(40, 16);
        var data = Enumerable.Range(0, 40).Select(i => (new[] { i }, labels[i])).ToList();
        using var direct = FeatureProbe.Classifier(FeatureTable.Create(Enumerable.Range(0, 40).Select(i => new[] { i }).ToList(), rows), Gpt2TextEncoder.Shared, 64);
        using var general = FeatureProbe.Classifier(FeatureTable.Create(Enumerable.Range(0, 40).Select(i => new[] { i }).ToList(), rows), Gpt2TextEncoder.Shared, 64);
        var loss = Create("entropy");
        Assert.False(loss is IHostLoss);
        var options = new TrainOptions { Epochs = 5, BatchSize = 10, MinibatchSize = 10, LearningRate = 1e-2, Seed = 3, Precision = Precision.Fp32 };

        var fast = SupervisedTrainer.Train(direct, data, options, loss);
        var slow = SupervisedTrainer.Train(new TokenPath(general), data, options, loss);

        Assert.Equal(slow.Losses, fast.Losses);
        Assert.Equal(slow.TokensTrained, fast.TokensTrained);
        Assert.Equal(general.Head.weight!.data<float>().ToArray(), direct.Head.weight!.data<float>().ToArray());
        Assert.NotEqual(0f, direct.Head.weight!.abs().sum().item<float>()); // it trained: the comparison can fail
    }

    [Fact]
    public void A_reward_probe_trained_on_the_host_ends_within_float_rounding_of_the_general_loop()
    {
        var (rows, labels) = RandomRows(60, 8);
        var data = Enumerable.Range(0, 30).Select(i => (PairPacking.Pack([2 * i], [2 * i + 1]), labels[i])).ToList();
        var sequences = Enumerable.Range(0, 60).Select(i => new[] { i }).ToList();
        using var direct = FeatureProbe.RewardModel(FeatureTable.Create(sequences, rows), Gpt2TextEncoder.Shared, 64);
        using var general = FeatureProbe.RewardModel(FeatureTable.Create(sequences, rows), Gpt2TextEncoder.Shared, 64);
        var options = new TrainOptions { Epochs = 4, BatchSize = 6, MinibatchSize = 6, LearningRate = 1e-2, Seed = 1, Precision = Precision.Fp32 };

        var host = SupervisedTrainer.Train(direct, data, options, new BradleyTerryLoss());
        var tensors = SupervisedTrainer.Train(new PackedTokenPath(general), data, options, new BradleyTerryLoss());

        AssertWithinRounding(tensors, host, general, direct);
    }

    /// <summary>Every step's loss and every final weight within float rounding (the two sum in different orders), and
    /// far enough from zero that the comparison can fail.</summary>
    private static void AssertWithinRounding(TrainResult tensors, TrainResult host, FeatureProbe general, FeatureProbe direct)
    {
        Assert.Equal(tensors.Losses.Count, host.Losses.Count);
        for (int i = 0; i < host.Losses.Count; i++) Assert.Equal(tensors.Losses[i], host.Losses[i], 5);
        Assert.Equal(tensors.TokensTrained, host.TokensTrained);
        var expected = general.Head.weight!.data<float>().ToArray();
        var actual = direct.Head.weight!.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 + 1e-4 * Math.Abs(expected[i]), $"weight {i}: {expected[i]:G9} against {actual[i]:G9}");
        Assert.True(actual.Max(Math.Abs) > 0.01f, "the probe trained");
    }

    private static (Tensor Rows, List<float[]> Labels) RandomRows(int n, int d)
    {
        var rows = randn(n, d, generator: new Generator(11));
        var rng = new Random(5);
        return (rows, Enumerable.Range(0, n).Select(_ => { float p = (float)rng.NextDouble(); return new[] { 1 - p, p }; }).ToList());
    }

    /// <summary>The probe seen only as a sequence classifier: the trainer collates its one-id sequences.</summary>
    private class TokenPath(FeatureProbe probe) : ISequenceClassifier, ISingleThreaded
    {
        protected FeatureProbe Probe => probe;
        public Tensor Classify(Tensor inputIds, Tensor attentionMask) => probe.Classify(inputIds, attentionMask);
        public nn.Module Module => probe.Module;
        public ITextEncoder Encoder => probe.Encoder;
        public void Dispose() { }
    }

    private sealed class PackedTokenPath(FeatureProbe probe) : TokenPath(probe), IPackedInput
    {
        public (Tensor Ids, Tensor Mask) Collate(IReadOnlyList<int[]> packed, int padId, Device device) => ((IPackedInput)Probe).Collate(packed, padId, device);
    }
}
