using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// One training run. Defaults are the reference's (docs/engine.md "Trainer"): batch 32, 2 epochs, Adam, cosine to 0.
/// The learning rate has no universal default (5e-5 for gpt2/medium, 1e-5 for large/xl in the reference).
/// </summary>
public sealed record TrainOptions
{
    public required double LearningRate { get; init; }
    public int BatchSize { get; init; } = 32;

    /// <summary>Examples per forward/backward; the loss is still over the whole batch.</summary>
    public int MinibatchSize { get; init; } = 8;

    /// <summary>How a batch is cut into minibatches (<see cref="MinibatchPlan"/>); the gradient is the batch's either way.</summary>
    public MinibatchComposition Composition { get; init; } = MinibatchComposition.ByLength;

    /// <summary>Passes over the data; fractional values are allowed (nsteps = ⌊n·epochs/batch⌋).</summary>
    public double Epochs { get; init; } = 2;

    /// <summary>Seeds the data order. Model initialisation has its own seed (the classifier's).</summary>
    public long Seed { get; init; }

    public Precision Precision { get; init; } = Precision.Fp32;

    public Optimizer Optimizer { get; init; } = Optimizer.Adam;

    public Schedule Schedule { get; init; } = Schedule.Cosine;

    /// <summary>"cpu" or "cuda".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Call <see cref="Evaluate"/> every this many optimiser steps (0 = only after the last step).</summary>
    public int EvalEvery { get; init; }

    /// <summary>
    /// Folder for a resumable state (see <see cref="TrainState"/>): resumed from when it holds one, saved to every
    /// <see cref="SaveEvery"/> steps or once <see cref="SaveInterval"/> has passed since the last save, and when
    /// <see cref="StopAfterSteps"/> stops the run early (not after the last step: a finished run needs no state). Null: none.
    /// </summary>
    public string? StateDirectory { get; init; }

    public int SaveEvery { get; init; }

    /// <summary>Save the state after the first step that ends this long after the last save (or the start); null: by steps only.</summary>
    public TimeSpan? SaveInterval { get; init; }

    /// <summary>Stop (and save the state) after this many optimiser steps in total; the schedule still spans nsteps.</summary>
    public int? StopAfterSteps { get; init; }

    /// <summary>Optional evaluation (e.g. test accuracy for the paper's Fig. 7): metric name → value.</summary>
    public Func<Models.ISequenceClassifier, IReadOnlyDictionary<string, double>>? Evaluate { get; init; }
}

/// <summary>Reported after every optimiser step.</summary>
public readonly record struct TrainProgress(int Step, int TotalSteps, double Loss, double TokensPerSecond, double LearningRate);

/// <summary>Metrics of one evaluation, at the number of optimiser steps done so far.</summary>
public sealed record StepEvaluation(int Step, IReadOnlyDictionary<string, double> Metrics);

/// <summary>What a run returns: the loss of every step (over the whole batch), evaluations and throughput.</summary>
/// <remarks>After a resume, <c>Losses</c> and <c>Evaluations</c> hold only the steps run by this call, from
/// <c>StartStep</c> on.</remarks>
public sealed record TrainResult(
    IReadOnlyList<double> Losses,
    IReadOnlyList<StepEvaluation> Evaluations,
    int Steps,
    long TokensTrained,
    double TokensPerSecond,
    TimeSpan Elapsed,
    int StartStep = 0)
{
    /// <summary>How many of <see cref="Evaluations"/> came from the resumed state rather than from this process.</summary>
    public int ResumedEvaluations { get; init; }

    /// <summary>The learning rate of each step in <see cref="Losses"/> (the schedule's value at that step).</summary>
    public IReadOnlyList<double> LearningRates { get; init; } = [];

    /// <summary>Tokens the forwards ran, padding included (<see cref="TokensTrained"/> counts real tokens only).</summary>
    public long PaddedTokens { get; init; }

    /// <summary>Time in optimiser steps; <see cref="TokensPerSecond"/> is over this, not over evaluations.</summary>
    public TimeSpan TrainingTime { get; init; }

    /// <summary>Time in <see cref="TrainOptions.Evaluate"/> calls.</summary>
    public TimeSpan EvaluationTime { get; init; }
}
