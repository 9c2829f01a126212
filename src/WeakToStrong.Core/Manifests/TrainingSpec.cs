using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace WeakToStrong.Core.Manifests;

/// <summary>Defaults follow the reference implementation (docs/engine.md "Trainer"): Adam, cosine to 0, batch 32, 2 epochs.</summary>
public sealed record TrainingSpec
{
    [Range(1, 1000), Description("Passes over the training split; epoch copies are concatenated without reshuffle.")]
    public int Epochs { get; init; } = 2;

    [Range(1, 65536), Description("Examples per optimiser step; the loss is computed once over the whole batch.")]
    public int BatchSize { get; init; } = 32;

    [Range(1, 65536), Description("Examples per forward/backward (memory only); must divide batchSize.")]
    public int MinibatchSize { get; init; } = 8;

    [Range(1e-12, 10.0), Description("Peak learning rate (reference: 5e-5 for gpt2/gpt2-medium, 1e-5 for gpt2-large/xl).")]
    public double Lr { get; init; } = 5e-5;

    [Range(8, 65536), Description("Maximum tokens per example; longer examples are truncated (the reference drops them, which would give weak and strong models different examples).")]
    public int MaxCtx { get; init; } = 1024;

    public Optimizer Optimizer { get; init; } = Optimizer.Adam;

    [Description("cosine annealing to 0 over all optimiser steps (reference), or constant.")]
    public Schedule Schedule { get; init; } = Schedule.Cosine;

    [Description("fp32, or bf16 (module cast to bf16, loss in fp32).")]
    public Precision Precision { get; init; } = Precision.Fp32;

    [Description("Split the strong ceiling trains on: train1 (train_simple.py) or train2 (older train_weak_to_strong.py).")]
    public DataSplit CeilingSplit { get; init; } = DataSplit.Train1;

    [Range(0, int.MaxValue), Description("Evaluate on test every N optimiser steps (0: only the final checkpoint).")]
    public int EvalEvery { get; init; }

    [Description("Early-stopping variants reported beside the final checkpoint (never replacing it; needs evalEvery > 0): ground-truth (oracle: best test accuracy), weak-agreement (best agreement with the supervisor on data.split.validation).")]
    public IReadOnlyList<EarlyStopping>? EarlyStopping { get; init; }
}

/// <summary>Language-model pretraining of gpt2-local bodies on a pinned corpus (GPT-2 tokenizer, next-token loss).</summary>
public sealed record PretrainSpec
{
    [MinLength(1), Description("Pinned corpus sources. Keep WordNet/GCIDE out when the task is built from WordNet (test leakage).")]
    public required IReadOnlyList<SourceSpec> Corpus { get; init; }

    [Range(1, 100_000_000), Description("Optimiser steps.")]
    public required int Steps { get; init; }

    [Range(1, 65536)] public int BatchSize { get; init; } = 8;

    [Range(8, 65536), Description("Context length in tokens.")]
    public int Ctx { get; init; } = 128;

    [Range(1e-12, 10.0)] public double Lr { get; init; } = 1e-3;

    [Description("fp32, or bf16 matmuls with fp32 parameters (measured 2.3x faster for a w128-l2 body here).")]
    public Precision Precision { get; init; } = Precision.Fp32;

    [Range(0, int.MaxValue), Description("Pretraining seed (shared by all run seeds: a pretrained body is reused).")]
    public int Seed { get; init; }
}
