using WeakToStrong.Core.Evaluate;

namespace WeakToStrong.Core.Gate;

/// <summary>
/// The metric families a manifest's `gate` may hold, in the order a snapshot lists them, and which field of a summary
/// row each reads: the one mapping that snapshots, `audit --rerun` and `runs` share (docs/gate.md).
/// </summary>
public static class GateFamilies
{
    public const string BootstrapAcc = "bootstrap.acc";

    public const string Pgr = "pgr";

    /// <summary>
    /// Every family, in snapshot order. <see cref="Pgr"/> is the paper's PGR of the seeds' mean accuracies (the ratio
    /// of means, `pgrRatioOfMeans` in the summary), the statistic a gate over several seeds holds; `pgr.median` and
    /// `pgr.mean` summarise per-seed PGRs, which a small gap per seed makes heavy-tailed.
    /// </summary>
    public static readonly IReadOnlyList<string> All = ["weak.acc", "ceiling.acc", "transfer.acc", "agreement", Pgr, "pgr.median", "pgr.mean", BootstrapAcc];

    /// <summary>
    /// A per-pair family's value in <paramref name="pair"/> (itself null where undefined, as a flagged PGR is); null
    /// for a family that is not read from pair rows (<see cref="BootstrapAcc"/> reads chain rows).
    /// </summary>
    public static Value? PairValue(string family, PairSummary pair) => family switch
    {
        "weak.acc" => new(pair.WeakAcc),
        "ceiling.acc" => new(pair.CeilingAcc),
        "transfer.acc" => new(pair.TransferAcc),
        "agreement" => new(pair.Agreement),
        Pgr => new(pair.PgrRatioOfMeans),
        "pgr.median" => new(pair.PgrMedian),
        "pgr.mean" => new(pair.PgrMean),
        _ => null,
    };

    /// <summary>A gated value, which may itself be undefined (null).</summary>
    public readonly record struct Value(double? Of);
}
