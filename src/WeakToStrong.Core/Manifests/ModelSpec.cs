using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace WeakToStrong.Core.Manifests;

public sealed record ModelSpec
{
    [Description("gpt2-local | gpt2-hf | minilm-l6 | bag-of-words (logistic regression on hashed word unigrams and bigrams, trained from zero: a supervisor whose errors are lexical) | noisy-truth (no network: ground truth with a seeded random fraction of items flipped, the paper's App. E noise; weak models only).")]
    public required ModelFamily Family { get; init; }

    [Description("gpt2-local: w{width}-l{layers}-h{heads} (e.g. w64-l2-h2); gpt2-hf: gpt2, gpt2-medium, gpt2-large, gpt2-xl; minilm-l6: none (all 6 layers) or l{k}, its first k layers (e.g. l2); bag-of-words: none (h18) or h{bits}, 2^bits hash buckets, bits 10–24; noisy-truth: flip{f} (required), the fraction of labels flipped, 0 < f < 0.5 (e.g. flip0.25: 75% accurate labels).")]
    public string? Size { get; init; }

    [Description("gpt2-hf: safetensors weights in Hugging Face's layout, pinned by hash.")]
    public SourceSpec? Weights { get; init; }

    [Description("Linear probe (the paper's lp(·), the frozen-feature arm): the body stays frozen, a features stage computes its pooled features of each split once, and only the zero-initialised head trains on them (not for bag-of-words, which has no body, nor noisy-truth, which is no network).")]
    public bool LinearProbe { get; init; }

    [MinLength(1), Description("Seeds this model runs on as the strong model of a pair (its ceiling and every student), instead of the manifest's seeds: a frozen-feature probe (linearProbe) costs seconds per fit and can afford many. Its weak models are trained on these seeds too.")]
    public IReadOnlyList<int>? Seeds { get; init; }

    [Description("Per-model overrides of the shared training settings (e.g. the reference's lr 1e-5 for gpt2-large/xl).")]
    public TrainingOverrides? Training { get; init; }
}

/// <summary>Every field optional: a present field replaces the shared one for this model.</summary>
public sealed record TrainingOverrides
{
    [Range(1, 1000)] public int? Epochs { get; init; }
    [Range(1, 65536)] public int? BatchSize { get; init; }
    [Range(1, 65536)] public int? MinibatchSize { get; init; }
    [Range(1e-12, 10.0)] public double? Lr { get; init; }
    [Range(8, 65536)] public int? MaxCtx { get; init; }
    public Optimizer? Optimizer { get; init; }
    public Schedule? Schedule { get; init; }
    public Precision? Precision { get; init; }
    [Range(0, int.MaxValue)] public int? EvalEvery { get; init; }
}
