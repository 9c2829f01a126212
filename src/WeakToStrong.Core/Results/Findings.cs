using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>
/// The paper's four headline findings, measured on these records rather than typed: each is counts and means over
/// the unflagged pairs (flagged pairs are counted beside them), a sentence that states those numbers, and one word
/// decided from a 95% paired bootstrap interval (<see cref="Verdict"/>). Every PGR here is a pair's ratio of mean
/// accuracies over seeds (<see cref="PgrBootstrap"/>); a pooled number is the mean over pairs, its interval the
/// percentiles of the per-resample mean of the pairs' resampled PGRs. Pairs of one task share seeds and test items and
/// are resampled with the same draws, so a difference between two of them is bootstrapped paired.
/// </summary>
public sealed record Findings(NaiveFinding Naive, LossGapFinding LossByGap, SettingFinding Setting, BootstrapFinding Bootstrap)
{
    public static Findings Of(IReadOnlyList<TaskResult> tasks)
    {
        var rows = PairRow.Of(tasks);
        return new Findings(NaiveFinding.Of(rows), LossGapFinding.Of(rows), SettingFinding.Of(rows), BootstrapFinding.Of(tasks));
    }
}

/// <summary>What a finding's 95% interval says about the paper's claim at this power.</summary>
public enum Verdict
{
    /// <summary>The interval of the claimed-positive quantity lies above 0.</summary>
    Confirmed,

    /// <summary>It lies below 0.</summary>
    Contradicted,

    /// <summary>It contains 0, or there is no interval (no per-item outcomes, too many resamples without a gap, no pairs).</summary>
    Undecided,
}

public static class Verdicts
{
    /// <summary>Confirmed when the interval's lower bound is above 0, contradicted when its upper bound is below 0, else undecided.</summary>
    public static Verdict Of(Interval? ci) => ci is null ? Verdict.Undecided : ci.Lo > 0 ? Verdict.Confirmed : ci.Hi < 0 ? Verdict.Contradicted : Verdict.Undecided;

    public static string Word(this Verdict v) => v switch
    {
        Verdict.Confirmed => "confirmed",
        Verdict.Contradicted => "contradicted",
        _ => "undecided at this power",
    };

    /// <summary>"0.312 [0.120, 0.501]", or why there is no interval.</summary>
    internal static string Estimate(double? value, Interval? ci, double[]? resamples, bool signed = false) =>
        value is null ? "n/a"
        : ci is not null ? Numbers.WithCi(value, ci, signed)
        : (signed ? Numbers.Signed(value) : Numbers.F3(value)) +
          (resamples is null ? " (no interval: no per-item outcomes in these records)" : " (no interval: too many resamples without a gap)");

    internal static double[]? Mean(IReadOnlyList<double[]?> resamples) =>
        resamples.Count > 0 && resamples.All(r => r is not null) ? PgrBootstrap.Mean(resamples.Select(r => (IReadOnlyList<double>)r!).ToList()) : null;

    internal static Interval? Ci(double[]? resamples) => resamples is null ? null : PgrBootstrap.Percentiles(resamples);
}

/// <summary>
/// (a) Is naive finetuning's PGR positive across pairs and tasks (paper Fig. 3: weak-to-strong generalization happens)?
/// Rule: over the unflagged naive pairs (xent, bradley-terry) of every task, the mean PGR and its interval; confirmed
/// when its lower bound is above 0, contradicted when its upper bound is below 0.
/// </summary>
public sealed record NaiveFinding(int Positive, int Total, int FlaggedPositive, int FlaggedTotal)
{
    public PooledEstimate Pooled { get; init; } = PooledEstimate.Of([]);

    public Verdict Verdict => Verdicts.Of(Pooled.Ci);

    public static NaiveFinding Of(IReadOnlyList<PairRow> rows)
    {
        var naive = rows.Where(r => r.Naive && r.Pair.PgrRatioOfMeans is not null).ToList();
        var readable = naive.Where(r => r.Readable).ToList();
        var flagged = naive.Where(r => !r.Readable).ToList();
        return new NaiveFinding(readable.Count(r => r.Pair.PgrRatioOfMeans > 0), readable.Count,
            flagged.Count(r => r.Pair.PgrRatioOfMeans > 0), flagged.Count)
        {
            Pooled = PooledEstimate.Of(readable.Select(r => r.Pair).ToList()),
        };
    }

    public string Sentence => Total == 0
        ? $"No unflagged pair was trained with a naive loss (xent, bradley-terry); of {FlaggedTotal} flagged, {FlaggedPositive} have a positive PGR: {Verdict.Word()}."
        : $"Naive finetuning (xent, bradley-terry) has a positive PGR on {Positive} of {Total} unflagged pairs across tasks" +
          (FlaggedTotal > 0 ? $" (and on {FlaggedPositive} of {FlaggedTotal} flagged pairs, not counted)" : "") +
          $"; their mean PGR {Verdicts.Estimate(Pooled.Value, Pooled.Ci, Pooled.Resamples)}: {Verdict.Word()}.";
}

/// <summary>
/// (b) Does the auxiliary confidence loss help more at large gaps (paper Fig. 5)? Unflagged pairs trained with both
/// xent and logconf are sorted by their gap in SE; the smaller half and the larger half (the larger gets the middle
/// pair when their count is odd) each report the mean over pairs of logconf − xent PGR. Rule: the contrast
/// (larger-half mean − smaller-half mean) is bootstrapped from the same resamples (each pair's logconf − xent
/// difference is paired: both students share the weak model, the ceiling, the seeds and the test items); confirmed
/// when its interval's lower bound is above 0, contradicted when its upper bound is below 0.
/// </summary>
public sealed record LossGapFinding(IReadOnlyList<string> SmallGaps, double? SmallDifference, double? SmallMaxGapSe,
    IReadOnlyList<string> LargeGaps, double? LargeDifference, double? LargeMinGapSe)
{
    public Interval? SmallCi { get; init; }
    public Interval? LargeCi { get; init; }

    /// <summary>LargeDifference − SmallDifference, and its interval.</summary>
    public double? Contrast { get; init; }
    public Interval? ContrastCi { get; init; }
    public double[]? ContrastResamples { get; init; }

    public Verdict Verdict => SmallGaps.Count == 0 ? Verdict.Undecided : Verdicts.Of(ContrastCi);

    public static LossGapFinding Of(IReadOnlyList<PairRow> rows)
    {
        var readable = rows.Where(r => r.Readable && r.Pair.PgrRatioOfMeans is not null).ToList();
        var both = readable.Where(r => r.Pair.Loss == "xent")
            .Select(x => (Xent: x, Logconf: readable.FirstOrDefault(l => l.Pair.Loss == "logconf" && l.Task == x.Task
                && (l.Pair.Weak, l.Pair.Strong) == (x.Pair.Weak, x.Pair.Strong))))
            .Where(p => p.Logconf is not null)
            .OrderBy(p => p.Xent.Pair.GapSe).ThenBy(p => p.Xent.Label, StringComparer.Ordinal)
            .ToList();
        var small = both.Take(both.Count / 2).ToList();
        var large = both.Skip(both.Count / 2).ToList();
        static double Diff((PairRow Xent, PairRow? Logconf) p) => p.Logconf!.Pair.PgrRatioOfMeans!.Value - p.Xent.Pair.PgrRatioOfMeans!.Value;
        static double? Mean(IReadOnlyList<(PairRow Xent, PairRow? Logconf)> half) => half.Count > 0 ? half.Average(Diff) : null;
        static double[]? Resamples(IReadOnlyList<(PairRow Xent, PairRow? Logconf)> half) => Verdicts.Mean(half
            .Select(p => p.Xent.Pair.Bootstrap is { } x && p.Logconf!.Pair.Bootstrap is { } l ? PgrBootstrap.Difference(l.Pgr, x.Pgr) : null)
            .ToList());
        double[]? smallResamples = Resamples(small), largeResamples = Resamples(large);
        double[]? contrast = smallResamples is not null && largeResamples is not null ? PgrBootstrap.Difference(largeResamples, smallResamples) : null;
        double? smallMean = Mean(small), largeMean = Mean(large);
        return new LossGapFinding(
            small.Select(p => p.Xent.Label).ToList(), smallMean, small.Count > 0 ? small.Max(p => p.Xent.Pair.GapSe) : null,
            large.Select(p => p.Xent.Label).ToList(), largeMean, large.Count > 0 ? large.Min(p => p.Xent.Pair.GapSe) : null)
        {
            SmallCi = Verdicts.Ci(smallResamples),
            LargeCi = Verdicts.Ci(largeResamples),
            Contrast = largeMean - smallMean,
            ContrastCi = Verdicts.Ci(contrast),
            ContrastResamples = contrast,
        };
    }

    public string Sentence => SmallGaps.Count == 0
        ? $"Too few unflagged pairs with both xent and logconf to compare gaps ({LargeGaps.Count}; two are needed): {Verdict.Word()}."
        : $"logconf − xent PGR: {Numbers.WithCi(LargeDifference, LargeCi, signed: true)} at the {LargeGaps.Count} larger gaps (≥ {Numbers.F1(LargeMinGapSe)} SE), " +
          $"{Numbers.WithCi(SmallDifference, SmallCi, signed: true)} at the {SmallGaps.Count} smaller gaps (≤ {Numbers.F1(SmallMaxGapSe)} SE); " +
          $"larger − smaller {Verdicts.Estimate(Contrast, ContrastCi, ContrastResamples, signed: true)}: {Verdict.Word()}.";
}

/// <summary>
/// (c) Reward modelling against classification (paper Fig. 3c: PGR is lower for reward models): the mean naive PGR
/// over unflagged pairs of each setting. Rule: classification − reward models, bootstrapped from the two pooled
/// resamples; confirmed when its interval's lower bound is above 0, contradicted when its upper bound is below 0.
/// </summary>
public sealed record SettingFinding(PooledEstimate RewardModel, PooledEstimate Classification)
{
    /// <summary>Classification − reward models.</summary>
    public double? Difference => RewardModel.Value is { } rm && Classification.Value is { } cls ? cls - rm : null;

    public double[]? DifferenceResamples => RewardModel.Resamples is { } rm && Classification.Resamples is { } cls ? PgrBootstrap.Difference(cls, rm) : null;

    public Interval? DifferenceCi => Verdicts.Ci(DifferenceResamples);

    public Verdict Verdict => RewardModel.Pairs == 0 || Classification.Pairs == 0 ? Verdict.Undecided : Verdicts.Of(DifferenceCi);

    public static SettingFinding Of(IReadOnlyList<PairRow> rows)
    {
        var naive = rows.Where(r => r.Naive && r.Readable && r.Pair.PgrRatioOfMeans is not null).ToList();
        return new SettingFinding(PooledEstimate.Of(naive.Where(r => r.Task.Record.IsRewardModel).Select(r => r.Pair).ToList()),
            PooledEstimate.Of(naive.Where(r => !r.Task.Record.IsRewardModel).Select(r => r.Pair).ToList()));
    }

    static string Of(PooledEstimate e) => $"{Numbers.WithCi(e.Value, e.Ci)} over {e.Pairs} pairs";

    public string Sentence => RewardModel.Pairs == 0
        ? $"No unflagged reward-model pair in these records (classification: mean naive PGR {Of(Classification)}): {Verdict.Word()}."
        : Classification.Pairs == 0
            ? $"No unflagged classification pair in these records (reward models: mean naive PGR {Of(RewardModel)}): {Verdict.Word()}."
            : $"Mean naive PGR: reward models {Of(RewardModel)}, classification {Of(Classification)}; " +
              $"classification − reward models {Verdicts.Estimate(Difference, DifferenceCi, DifferenceResamples, signed: true)}: {Verdict.Word()}.";
}

/// <summary>
/// (d) Bootstrapping chains against direct transfer (paper §4.3.1, Fig. 4's chess result): per chain and loss, the
/// ratio-of-means PGR of each against the same weak model and ceiling. Rule: over the chains with a direct transfer,
/// the mean of bootstrapped − direct (paired: the same seeds and test items); confirmed when its interval's lower
/// bound is above 0, contradicted when its upper bound is below 0.
/// </summary>
public sealed record BootstrapFinding(IReadOnlyList<BootstrapComparison> Chains)
{
    /// <summary>The chains compared: those with both PGRs.</summary>
    public IReadOnlyList<BootstrapComparison> Compared => Chains.Where(c => c.Difference is not null).ToList();

    public double? Difference => Compared.Count > 0 ? Compared.Average(c => c.Difference!.Value) : null;

    public double[]? DifferenceResamples => Verdicts.Mean(Compared.Select(c => c.DifferenceResamples).ToList());

    public Interval? DifferenceCi => Verdicts.Ci(DifferenceResamples);

    public Verdict Verdict => Verdicts.Of(DifferenceCi);

    public static BootstrapFinding Of(IReadOnlyList<TaskResult> tasks) => new(tasks
        .SelectMany(t => t.Chains.Select(c => new BootstrapComparison(t.Name, c.Name, c.Loss, c.PgrRatioOfMeans, c.BootstrapResamples?.Summary.PgrCi,
            c.DirectPgrRatioOfMeans, c.DirectResamples?.Summary.PgrCi, c.Difference)))
        .ToList());

    public string Sentence => Chains.Count == 0
        ? $"No bootstrap chain in these records: {Verdict.Word()}."
        : string.Join(" ", Chains.Select(c => $"{c.Task} {c.Chain} ({c.Loss}): PGR {Numbers.WithCi(c.Bootstrap, c.BootstrapCi)} bootstrapped, " +
                                              $"{Numbers.WithCi(c.Direct, c.DirectCi)} direct.")) +
          (Compared.Count == 0
              ? $" No chain has a direct transfer to compare: {Verdict.Word()}."
              : $" Bootstrapped − direct over {Compared.Count} chain(s): {Verdicts.Estimate(Difference, DifferenceCi, DifferenceResamples, signed: true)}: {Verdict.Word()}.");
}

/// <summary>One chain and loss: ratio-of-means PGR bootstrapped and direct, their intervals, and the paired difference's resamples.</summary>
public sealed record BootstrapComparison(string Task, string Chain, string Loss, double? Bootstrap, Interval? BootstrapCi, double? Direct, Interval? DirectCi,
    double[]? DifferenceResamples)
{
    public double? Difference => Bootstrap is { } b && Direct is { } d ? b - d : null;

    public Interval? DifferenceCi => Verdicts.Ci(DifferenceResamples);
}
