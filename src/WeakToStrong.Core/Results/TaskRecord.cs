using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>
/// One run record as the results report reads it: which run it is (experiment, scale, key, commit, finish time),
/// the test split's size (what an accuracy's standard error is computed from) and the evaluate stage's per-seed
/// rows. Everything the report says comes from these; it never opens the content store.
/// </summary>
public sealed record TaskRecord(string Experiment, string Scale, string Setting, string RunKey, string FinishedAt,
    string? Commit, bool Dirty, int TestSize, IReadOnlyList<SeedRun> Runs)
{
    /// <summary>Early-stopping variants the run reported beside its final checkpoints, in the record's order.</summary>
    public IReadOnlyList<VariantRuns> EarlyStopping { get; init; } = [];

    /// <summary>Bootstrapping chains (paper §4.3.1), one row per chain, loss and seed.</summary>
    public IReadOnlyList<ChainSeedRun> Chains { get; init; } = [];

    /// <summary>The models that are linear probes on frozen features (the frozen-feature arm); the others are fine-tuned.</summary>
    public IReadOnlySet<string> ProbeModels { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The reward-model setting (paper §4.2) as opposed to classification.</summary>
    public bool IsRewardModel => Setting == "reward-model";
}

/// <summary>
/// One (weak, strong, loss, seed) run as the evaluate stage recorded it: accuracies against the run's baselines,
/// its PGR, or null with the reason it has none.
/// </summary>
public sealed record SeedRun(string Weak, string Strong, string Loss, int Seed, double WeakAcc, double TransferAcc, double CeilingAcc,
    double? Agreement, double? Pgr, string? ExcludedBecause = null)
{
    /// <summary>Per test item, whether the weak model, the student and the ceiling got it right; null in records made before they were recorded.</summary>
    public SeedOutcomes? Outcomes { get; init; }

    /// <summary>The student's share of test items predicted as class 1 (0 or 1: a constant predictor); null when not recorded.</summary>
    public double? StudentPositiveRate { get; init; }
}

/// <summary>The runs as an early-stopping variant (ground-truth, weak-agreement) would have stopped them.</summary>
public sealed record VariantRuns(string Variant, IReadOnlyList<SeedRun> Runs);

/// <summary>One bootstrapping chain m0 → … → mN for one loss and seed: its PGR, and the direct m0 → mN transfer's on the same scale.</summary>
public sealed record ChainSeedRun(IReadOnlyList<string> Chain, string Loss, int Seed, double? Pgr, double? DirectPgr)
{
    /// <summary>The chain's first weak model, its last model and that model's ceiling, per test item; null when not recorded.</summary>
    public SeedOutcomes? Outcomes { get; init; }

    /// <summary>The same weak model and ceiling with the direct m0 → mN transfer as the student; null without one.</summary>
    public SeedOutcomes? DirectOutcomes { get; init; }

    /// <summary>Test accuracies as the evaluate stage recorded them (against the run's baselines); null in older records.</summary>
    public double? WeakAcc { get; init; }
    public double? BootstrapAcc { get; init; }
    public double? CeilingAcc { get; init; }
    public double? DirectAcc { get; init; }
}
