using System.Security.Cryptography;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Families;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// The bag-of-words weak family (issue 25): hashed word n-grams (FNV-1a-32, stable across processes) and a
/// zero-initialised logistic regression that goes through the ordinary trainer, predictor and checkpoints.
/// </summary>
public sealed class BagOfWordsTests
{
    private const uint Basis = HashedNgramEncoder.FnvOffsetBasis;

    [Fact]
    public void The_hash_is_fnv1a_32_of_the_utf8_bytes()
    {
        // The published FNV-1a 32-bit test vectors (Fowler/Noll/Vo's test suite).
        Assert.Equal(0x811c9dc5u, HashedNgramEncoder.Fnv1a(Basis, ""));
        Assert.Equal(0xe40c292cu, HashedNgramEncoder.Fnv1a(Basis, "a"));
        Assert.Equal(0xbf9cf968u, HashedNgramEncoder.Fnv1a(Basis, "foobar"));
        // Running: "foo" then "bar" is "foobar".
        Assert.Equal(HashedNgramEncoder.Fnv1a(Basis, "foobar"), HashedNgramEncoder.Fnv1a(HashedNgramEncoder.Fnv1a(Basis, "foo"), "bar"));
    }

    [Fact]
    public void A_sentence_is_its_lower_cased_words_unigrams_first_then_bigrams_with_exact_ids()
    {
        var encoder = new HashedNgramEncoder(18);
        const string text = "The cat's Café, 1961 — don't!";

        Assert.Equal(["the", "cat's", "café", "1961", "don't"], HashedNgramEncoder.Words(text));
        // Worked out independently (Python: FNV-1a-32 of the UTF-8 bytes mod 2^18) for the, cat's, café, 1961,
        // don't, then "the cat's", "cat's café", "café 1961", "1961 don't".
        Assert.Equal([176668, 36841, 217161, 256494, 22893, 156346, 29087, 226168, 18088], encoder.Encode(text));
        Assert.Equal(encoder.Id("cat's café"), encoder.Encode(text)[6]);
        // Case and punctuation do not matter; a text without words is the empty n-gram's one id.
        Assert.Equal(encoder.Encode(text), encoder.Encode("the CAT'S café 1961 don't"));
        Assert.Equal([40389], encoder.Encode("— !?"));
        Assert.Equal([(int)(Basis & 1023)], new HashedNgramEncoder(10).Encode(""));
    }

    [Fact]
    public void A_maximum_context_keeps_the_first_ids_so_bigrams_go_before_words()
    {
        var encoder = new HashedNgramEncoder(18);
        var items = new ClassificationExamples([new ClassificationItem("0", "g", "The cat's Café, 1961 — don't!", 1)]);

        Assert.Equal([176668, 36841, 217161, 256494, 22893, 156346], Assert.Single(items.Encode(encoder, maxCtx: 6)));
        Assert.Equal(9, Assert.Single(items.Encode(encoder, maxCtx: 64)).Length);
    }

    [Fact]
    public void A_fresh_model_is_all_zero_and_predicts_one_half_whatever_the_precision_asked_for()
    {
        using var model = BagOfWordsClassifier.Create(12);
        Assert.Equal([4096L, 2L], model.Weights.shape);
        Assert.Equal(0f, model.Weights.abs().sum().item<float>());
        Assert.Equal(0f, model.Bias.abs().sum().item<float>());

        SupervisedTrainer.SetPrecision(model, Precision.Bf16); // harmless: it stays fp32
        Assert.Equal(ScalarType.Float32, model.Weights.dtype);
        var ids = Toy().Select(t => model.Encoder.Encode(t.Text)).ToList();
        var p = Predictor.PredictProbabilities(model, ids);
        Assert.All(p, row => Assert.Equal(new[] { 0.5f, 0.5f }, row));
    }

    /// <summary>40 reviews: 20 templates, each once with "good" (label 1) and once with "bad" (label 0).</summary>
    private static List<(string Text, int Label)> Toy()
    {
        string[] subjects = ["the movie", "this book", "the food", "our trip", "the service", "that song", "the hotel", "his essay", "the game", "her plan"];
        string[] frames = ["{0} was {1}.", "I think {0} is really {1}"];
        return [.. from s in subjects from f in frames from w in new[] { ("good", 1), ("bad", 0) } select (string.Format(f, s, w.Item1), w.Item2)];
    }

    private static List<(int[] Ids, float[] SoftLabel)> Encoded(ISequenceClassifier model) =>
        Toy().Select(t => (model.Encoder.Encode(t.Text), t.Label == 1 ? new[] { 0f, 1f } : new[] { 1f, 0f })).ToList();

    private static TrainResult TrainToy(BagOfWordsClassifier model, int epochs = 3) =>
        SupervisedTrainer.Train(model, Encoded(model),
            new TrainOptions { LearningRate = 0.1, BatchSize = 40, MinibatchSize = 8, Epochs = epochs, Seed = 0, Schedule = Schedule.Constant },
            new XentLoss());

    [Fact]
    public void It_learns_a_separable_toy_set_in_three_steps_through_the_classifier_trainer()
    {
        var toy = Toy();
        Assert.Equal(40, toy.Count);
        Assert.Equal(40, toy.Select(t => t.Text).Distinct().Count());
        using var model = BagOfWordsClassifier.Create(16);
        var data = Encoded(model);
        var truth = data.Select(d => d.SoftLabel).ToList();
        Assert.Equal(0.5, ReferenceAccuracy.Accuracy(Predictor.PredictProbabilities(model, data.Select(d => d.Ids).ToList()), truth)); // ties go to class 0

        var result = TrainToy(model);

        Assert.Equal(3, result.Steps);
        Assert.Equal(Math.Log(2), result.Losses[0], 6);
        Assert.True(result.Losses[^1] < result.Losses[0], $"loss {result.Losses[0]} → {result.Losses[^1]}");
        var p = Predictor.PredictProbabilities(model, data.Select(d => d.Ids).ToList());
        Assert.Equal(1.0, ReferenceAccuracy.Accuracy(p, truth));
        // Lexical: an unseen sentence is judged by its words.
        var unseen = Predictor.PredictProbabilities(model, [model.Encoder.Encode("A good idea"), model.Encoder.Encode("A bad idea")]);
        Assert.True(unseen[0][1] > 0.5f && unseen[1][0] > 0.5f, $"good {unseen[0][1]}, bad {unseen[1][1]}");
    }

    [Fact]
    public void A_checkpoint_round_trip_is_bit_identical()
    {
        using var model = BagOfWordsClassifier.Create(12);
        TrainToy(model);
        var ids = Encoded(model).Select(d => d.Ids).ToList();
        string first = TinyTask.TempFile("bow"), second = TinyTask.TempFile("bow");
        try
        {
            Checkpoint.Save(model.Module, first);
            using var loaded = BagOfWordsClassifier.Create(12);
            Checkpoint.Load(loaded.Module, first);
            Checkpoint.Save(loaded.Module, second);

            Assert.Equal(["bias", "word_embeddings.weight"], loaded.Module.state_dict().Keys.Order(StringComparer.Ordinal));
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));
            Assert.True(model.Weights.abs().sum().item<float>() > 0);
            Assert.True(model.Weights.eq(loaded.Weights).all().item<bool>() && model.Bias.eq(loaded.Bias).all().item<bool>());
            Assert.Equal(Predictor.PredictProbabilities(model, ids), Predictor.PredictProbabilities(loaded, ids));
            // A model of another size refuses the file.
            using var other = BagOfWordsClassifier.Create(13);
            Assert.Throws<InvalidDataException>(() => Checkpoint.Load(other.Module, first));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void Training_twice_gives_the_same_bytes()
    {
        byte[] Train()
        {
            using var model = BagOfWordsClassifier.Create(12);
            TrainToy(model, epochs: 4);
            string path = TinyTask.TempFile("bow");
            try
            {
                Checkpoint.Save(model.Module, path);
                return SHA256.HashData(File.ReadAllBytes(path));
            }
            finally { File.Delete(path); }
        }
        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void As_a_reward_model_it_learns_which_response_holds_good_through_bradley_terry()
    {
        using var model = BagOfWordsClassifier.RewardModel(12);
        Assert.IsAssignableFrom<IPackedInput>(model);
        var toy = Toy();
        var good = toy.Where(t => t.Label == 1).Select(t => model.Encoder.Encode(t.Text)).ToList();
        var bad = toy.Where(t => t.Label == 0).Select(t => model.Encoder.Encode(t.Text)).ToList();
        // Pair i: a preferred in even pairs.
        var pairs = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? (PairPacking.Pack(good[i], bad[i]), new[] { 1f, 0f })
            : (PairPacking.Pack(bad[i], good[i]), new[] { 0f, 1f })).ToList();
        Assert.Equal(2 * Math.Max(good[0].Length, bad[0].Length), MinibatchPlan.Cost(model, pairs[0].Item1));
        var packed = pairs.Select(p => p.Item1).ToList();
        Assert.All(Predictor.PredictProbabilities(model, packed), row => Assert.Equal(new[] { 0.5f, 0.5f }, row));

        var result = SupervisedTrainer.Train(model, pairs,
            new TrainOptions { LearningRate = 0.1, BatchSize = 20, MinibatchSize = 4, Epochs = 3, Schedule = Schedule.Constant },
            new BradleyTerryLoss());

        Assert.Equal(Math.Log(2), result.Losses[0], 6);
        Assert.Equal(1.0, ReferenceAccuracy.Accuracy(Predictor.PredictProbabilities(model, packed), pairs.Select(p => p.Item2).ToList()));
        Assert.Equal([4096L, 1L], ((BagOfWordsClassifier)model).Weights.shape);
    }

    [Fact]
    public void The_family_builds_it_from_the_manifests_size_with_h18_when_absent()
    {
        using var sized = ModelFactory.Create(new ModelSpec { Family = ModelFamily.BagOfWords, Size = "h12" }, seed: 3, maxCtx: 64, pretrainedBody: null);
        using var plain = ModelFactory.Create(new ModelSpec { Family = ModelFamily.BagOfWords }, seed: 3, maxCtx: 64, pretrainedBody: null);
        using var reward = ModelFactory.Create(new ModelSpec { Family = ModelFamily.BagOfWords, Size = "h10" }, 0, 64, null, Setting.RewardModel);

        Assert.Equal(12, Assert.IsType<HashedNgramEncoder>(sized.Encoder).Bits);
        Assert.Equal(18, Assert.IsType<HashedNgramEncoder>(plain.Encoder).Bits);
        Assert.Equal([1024L, 1L], ((BagOfWordsClassifier)reward).Weights.shape);
        Assert.Throws<InvalidOperationException>(() => ModelFactory.Create(new ModelSpec { Family = ModelFamily.BagOfWords }, 0, 64, "body.safetensors"));
        IModelFamily family = new BagOfWordsFamily();
        Assert.Equal(14, Assert.IsType<HashedNgramEncoder>(family.Encoder(new ModelSpec { Family = ModelFamily.BagOfWords, Size = "h14" }, 64)).Bits);
    }

    [Fact]
    public void Its_size_is_its_bucket_count_and_only_the_bias_counts_as_flops()
    {
        using var model = BagOfWordsClassifier.Create(12);
        Assert.Equal(model.Weights.shape[0], ParameterCount.Of("bag-of-words", "h12"));
        Assert.Equal(4096 * 2 + 2, model.Module.parameters().Sum(p => p.numel()));
        // The table is an embedding (a lookup multiplies nothing): 6 FLOPs per trained parameter of the bias.
        Assert.Equal(12.0, FlopModel.TrainingPerToken(model.Module));
        Assert.Equal(4.0, FlopModel.InferencePerToken(model.Module));
    }
}
