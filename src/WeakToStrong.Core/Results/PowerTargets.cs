namespace WeakToStrong.Core.Results;

/// <summary>
/// One pair held to the interval width its arm was planned for (issue 25's acceptance, docs/results.md "Interval
/// widths"): <see cref="HalfWidth"/> is half the 95% PGR interval's width, null when the interval is unbounded or
/// there are no per-item outcomes to resample.
/// </summary>
public sealed record PowerCheck(TaskResult Task, PairResult Pair, string Arm, double Target, double? HalfWidth)
{
    public bool Met => HalfWidth is { } h && h <= Target;

    /// <summary>
    /// Why a missed interval is wide, from the numbers: an interval the resamples could not bound (the gap is within
    /// their noise), or few seeds whose PGRs spread (their SE is what the seed level of the bootstrap sees).
    /// </summary>
    public string Why => Met ? ""
        : HalfWidth is null ? $"unbounded: in over 2.5 % of resamples the ceiling was not above the weak model (gap {Numbers.F3(Pair.CeilingAcc - Pair.WeakAcc)})"
        : $"{Numbers.Int(Pair.Seeds)} seeds whose PGRs spread: mean ± SE {Numbers.F3(Pair.Pgr.Mean)} ± {Numbers.F3(Pair.Pgr.StandardError)}, on a gap of {Numbers.F3(Pair.CeilingAcc - Pair.WeakAcc)}";
}

/// <summary>
/// The interval widths each arm was planned to reach at `cpu` scale: every frozen-feature pair (a probe student of a
/// probe ceiling) whose gap is at least <see cref="FrozenFeatureMinGap"/>, a half-width of at most
/// <see cref="FrozenFeatureHalfWidth"/>; each task's fine-tuning headline (the naive loss, xent or Bradley–Terry, on a
/// fine-tuned strong model), at most <see cref="FineTuningHalfWidth"/>. Pairs outside both are not held to a width.
/// </summary>
public static class PowerTargets
{
    public const double FrozenFeatureHalfWidth = 0.15;
    public const double FrozenFeatureMinGap = 0.10;
    public const double FineTuningHalfWidth = 0.25;

    public static IReadOnlyList<PowerCheck> Of(TaskResult task) => task.Pairs.Select(p => Check(task, p)).OfType<PowerCheck>().ToList();

    static PowerCheck? Check(TaskResult task, PairResult pair)
    {
        double? half = pair.Bootstrap?.Summary.PgrCi is { } ci ? (ci.Hi - ci.Lo) / 2 : null;
        if (task.Record.ProbeModels.Contains(pair.Strong))
            return pair.CeilingAcc - pair.WeakAcc >= FrozenFeatureMinGap ? new PowerCheck(task, pair, "frozen features", FrozenFeatureHalfWidth, half) : null;
        return PairRow.NaiveLosses.Contains(pair.Loss) ? new PowerCheck(task, pair, "fine-tuning", FineTuningHalfWidth, half) : null;
    }
}
