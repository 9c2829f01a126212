using System.Text.Json.Serialization;
using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Evaluate;

/// <summary>
/// The summary a run record keeps under <c>metrics.summary</c> (the numbers `runs`, the gate, `diff` and the audit
/// read): per (weak, strong, loss) pair over seeds, the per-loss pooled median PGR the paper plots, the runs excluded
/// from the medians and why, the PGR baseline used, and the bootstrap chains' rows.
/// </summary>
public sealed record EvaluateSummary
{
    public required IReadOnlyList<PairSummary> Pairs { get; init; }

    /// <summary>Loss → median PGR over that loss's valid runs of every pair (null when none is valid).</summary>
    public required IReadOnlyDictionary<string, double?> MedianPgrByLoss { get; init; }

    /// <summary>"weak->strong/loss/sSEED: why", one per run without a gap to recover.</summary>
    public required IReadOnlyList<string> Flagged { get; init; }

    /// <summary>The manifest's baselines (seed means or per seed); absent in an early-stopping variant's summary.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PgrBaseline? PgrBaseline { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChainSummary>? Bootstrap { get; init; }
}
