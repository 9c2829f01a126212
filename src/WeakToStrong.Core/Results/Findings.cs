using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>
/// The paper's four headline findings, measured on these records rather than typed: each is counts and medians
/// over the unflagged pairs (flagged pairs are counted beside them), and a sentence that only states those numbers.
/// </summary>
public sealed record Findings(NaiveFinding Naive, LossGapFinding LossByGap, SettingFinding Setting, BootstrapFinding Bootstrap)
{
    public static Findings Of(IReadOnlyList<TaskResult> tasks)
    {
        var rows = PairRow.Of(tasks);
        return new Findings(NaiveFinding.Of(rows), LossGapFinding.Of(rows), SettingFinding.Of(rows), BootstrapFinding.Of(tasks));
    }
}

/// <summary>(a) Is naive finetuning's PGR positive across pairs and tasks (paper Fig. 3: weak-to-strong generalization happens)?</summary>
public sealed record NaiveFinding(int Positive, int Total, int FlaggedPositive, int FlaggedTotal)
{
    public static NaiveFinding Of(IReadOnlyList<PairRow> rows)
    {
        var naive = rows.Where(r => r.Naive && r.Pair.Pgr.Median is not null).ToList();
        var readable = naive.Where(r => r.Readable).ToList();
        var flagged = naive.Where(r => !r.Readable).ToList();
        return new NaiveFinding(readable.Count(r => r.Pgr > 0), readable.Count, flagged.Count(r => r.Pgr > 0), flagged.Count);
    }

    public string Sentence => Total == 0
        ? $"No unflagged pair was trained with a naive loss (xent, bradley-terry); of {FlaggedTotal} flagged, {FlaggedPositive} have a positive median PGR."
        : $"Naive finetuning (xent, bradley-terry) has a positive median PGR on {Positive} of {Total} unflagged pairs across tasks" +
          (FlaggedTotal > 0 ? $" (and on {FlaggedPositive} of {FlaggedTotal} flagged pairs, not counted)." : ".");
}

/// <summary>
/// (b) Does the auxiliary confidence loss help more at large gaps (paper Fig. 5)? Unflagged pairs trained with both
/// xent and logconf are sorted by their gap in SE; the smaller half and the larger half (the larger gets the middle
/// pair when their count is odd) each report the median over pairs of logconf − xent median PGR.
/// </summary>
public sealed record LossGapFinding(IReadOnlyList<string> SmallGaps, double? SmallDifference, double? SmallMaxGapSe,
    IReadOnlyList<string> LargeGaps, double? LargeDifference, double? LargeMinGapSe)
{
    public static LossGapFinding Of(IReadOnlyList<PairRow> rows)
    {
        var readable = rows.Where(r => r.Readable).ToList();
        var both = readable.Where(r => r.Pair.Loss == "xent")
            .Select(x => (Xent: x, Logconf: readable.FirstOrDefault(l => l.Pair.Loss == "logconf" && l.Task == x.Task
                && (l.Pair.Weak, l.Pair.Strong) == (x.Pair.Weak, x.Pair.Strong))))
            .Where(p => p.Logconf is not null)
            .OrderBy(p => p.Xent.Pair.GapSe).ThenBy(p => p.Xent.Label, StringComparer.Ordinal)
            .ToList();
        var small = both.Take(both.Count / 2).ToList();
        var large = both.Skip(both.Count / 2).ToList();
        double? Median(IEnumerable<(PairRow Xent, PairRow? Logconf)> half) =>
            PgrStats.Of(half.Select(p => p.Logconf!.Pgr - p.Xent.Pgr).ToList()).Median;
        return new LossGapFinding(
            small.Select(p => p.Xent.Label).ToList(), Median(small), small.Count > 0 ? small.Max(p => p.Xent.Pair.GapSe) : null,
            large.Select(p => p.Xent.Label).ToList(), Median(large), large.Count > 0 ? large.Min(p => p.Xent.Pair.GapSe) : null);
    }

    public string Sentence => SmallGaps.Count == 0
        ? $"Too few unflagged pairs with both xent and logconf to compare gaps ({LargeGaps.Count}; two are needed)."
        : $"logconf − xent median PGR: {Numbers.Signed(LargeDifference)} at the {LargeGaps.Count} larger gaps (≥ {Numbers.F1(LargeMinGapSe)} SE), " +
          $"{Numbers.Signed(SmallDifference)} at the {SmallGaps.Count} smaller gaps (≤ {Numbers.F1(SmallMaxGapSe)} SE)" +
          (LargeDifference > SmallDifference ? "; the confidence loss gains more at the larger gaps." : "; the confidence loss does not gain more at the larger gaps.");
}

/// <summary>(c) Reward modelling against classification (paper Fig. 3c: PGR is lower for reward models): median naive PGR over unflagged pairs of each setting.</summary>
public sealed record SettingFinding(int RewardModelPairs, double? RewardModelMedian, int ClassificationPairs, double? ClassificationMedian)
{
    public static SettingFinding Of(IReadOnlyList<PairRow> rows)
    {
        var naive = rows.Where(r => r.Naive && r.Readable).ToList();
        var rm = naive.Where(r => r.Task.Record.IsRewardModel).Select(r => r.Pgr).ToList();
        var cls = naive.Where(r => !r.Task.Record.IsRewardModel).Select(r => r.Pgr).ToList();
        return new SettingFinding(rm.Count, PgrStats.Of(rm).Median, cls.Count, PgrStats.Of(cls).Median);
    }

    public string Sentence => RewardModelPairs == 0
        ? $"No unflagged reward-model pair in these records (classification: median naive PGR {Numbers.F3(ClassificationMedian)} over {ClassificationPairs} pairs)."
        : ClassificationPairs == 0
            ? $"No unflagged classification pair in these records (reward models: median naive PGR {Numbers.F3(RewardModelMedian)} over {RewardModelPairs} pairs)."
            : $"Median naive PGR: reward models {Numbers.F3(RewardModelMedian)} over {RewardModelPairs} pairs, classification {Numbers.F3(ClassificationMedian)} over {ClassificationPairs} pairs" +
              (RewardModelMedian < ClassificationMedian ? "; lower for reward models." : "; not lower for reward models.");
}

/// <summary>(d) Bootstrapping chains against direct transfer (paper Fig. 4's chess result): per chain and loss, median PGR of each.</summary>
public sealed record BootstrapFinding(IReadOnlyList<BootstrapComparison> Chains)
{
    public static BootstrapFinding Of(IReadOnlyList<TaskResult> tasks) => new(tasks
        .SelectMany(t => t.Chains.Select(c => new BootstrapComparison(t.Name, c.Name, c.Loss, c.Bootstrap.Median, c.Direct.Median)))
        .ToList());

    public string Sentence => Chains.Count == 0
        ? "No bootstrap chain in these records."
        : string.Join(" ", Chains.Select(c => $"{c.Task} {c.Chain} ({c.Loss}): median PGR {Numbers.F3(c.Bootstrap)} bootstrapped, {Numbers.F3(c.Direct)} direct" +
            (c.Bootstrap is { } b && c.Direct is { } d ? (b > d ? " (bootstrapping higher)." : " (bootstrapping not higher).") : ".")));
}

public sealed record BootstrapComparison(string Task, string Chain, string Loss, double? Bootstrap, double? Direct);
