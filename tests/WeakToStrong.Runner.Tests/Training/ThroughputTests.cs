using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Bench;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Pretraining;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

public class ThroughputTests
{
    [Fact]
    public void A_gpt2_classifier_counts_its_body_outside_wte_and_wpe_and_its_head()
    {
        using var model = Gpt2Classifier.Create(TinyTask.Config, seed: 0);
        long n = TinyTask.Config.NonEmbeddingParameters + 2 * TinyTask.Config.NEmbd;
        Assert.Equal(n, FlopModel.NonEmbeddingParameters(model));
        Assert.Equal(6.0 * n, FlopModel.TrainingPerToken(model));
        Assert.Equal(2.0 * n, FlopModel.InferencePerToken(model));
    }

    [Fact]
    public void A_linear_probe_counts_only_the_forward()
    {
        using var model = Gpt2Classifier.Create(TinyTask.Config, seed: 0, linearProbe: true);
        Assert.Equal(2.0 * FlopModel.NonEmbeddingParameters(model), FlopModel.TrainingPerToken(model));
    }

    [Fact]
    public void MiniLm_has_10_648_320_parameters_outside_its_three_embedding_tables()
    {
        // 6 layers × 1,774,464 + the embeddings' LayerNorm (768) + the two-class head (768).
        using var model = BertClassifier.CreateMiniLm(0);
        Assert.Equal(6 * 1_774_464 + 768 + 768, FlopModel.NonEmbeddingParameters(model));
    }

    [Fact]
    public void Pretraining_counts_the_tied_head_as_a_vocab_by_width_matmul()
    {
        using var body = new Gpt2Model(TinyTask.Config, seed: 0);
        Assert.Equal(6.0 * (TinyTask.Config.NonEmbeddingParameters + 50 * 32), FlopModel.PretrainingPerToken(body, 50, 32));
    }

    [Fact]
    public void A_report_is_tokens_per_second_padding_share_and_the_fraction_of_the_given_peak()
    {
        var r = ThroughputReport.Measure(realTokens: 750, paddedTokens: 1000, TimeSpan.FromSeconds(2), flopsPerToken: 4e6, ScalarType.BFloat16, peakGflops: 10);
        Assert.Equal(375, r.TokensPerSecond);
        Assert.Equal(0.25, r.PaddedShare);
        Assert.Equal(1.5, r.Gflops, 12);
        Assert.Equal(0.15, r.FractionOfPeak, 12);
        Assert.Equal("bf16", r.Precision);
    }

    [Fact]
    public void The_bench_loops_run_the_real_trainer_pretrainer_and_predictor()
    {
        using var model = Gpt2Classifier.Create(TinyTask.Config, seed: 0);
        var full = ThroughputBench.FullLength(16 * 3, 12, TinyTask.Config.VocabSize);
        var train = ThroughputBench.FineTune(model, full, new TrainOptions { LearningRate = 1e-3, BatchSize = 16, MinibatchSize = 8 }, steps: 2);
        Assert.Equal(0, train.PaddedShare); // every example has 12 tokens
        Assert.True(train.TokensPerSecond > 0 && train.PeakGflops > 0 && train.FractionOfPeak > 0);

        var mixed = TinyTask.Examples(40, seed: 1).Select(d => d.Ids).ToList();
        var predict = ThroughputBench.Predict(model, mixed, Precision.Fp32, batchSize: 40);
        // One batch of 40 padded to the longest (10 tokens): the padded share is exact.
        Assert.Equal(1.0 - mixed.Sum(x => x.Length) / (40.0 * mixed.Max(x => x.Length)), predict.PaddedShare, 12);

        var pretrain = ThroughputBench.Pretrain(TinyTask.Config, new PretrainOptions { Steps = 2, BatchSize = 2, ContextLength = 8 });
        Assert.Equal(0, pretrain.PaddedShare);
        Assert.True(pretrain.TokensPerSecond > 0);
    }
}
