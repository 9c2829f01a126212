namespace WeakToStrong.Core.Statistics;

/// <summary>
/// Performance gap recovered (Burns et al. 2023 §3): PGR = (acc_w2s − acc_weak) / (acc_ceiling − acc_weak).
/// Aggregation follows docs/engine.md "What a stage reports": per (weak, strong, loss) over seeds, and per loss pooled over valid runs;
/// runs with weak == strong or ceiling ≤ weak have no meaningful PGR and are listed as excluded.
/// </summary>
public static class PgrStatistics
{
    /// <summary>PGR of one run, or null when the ceiling does not beat the weak model (no gap to recover).</summary>
    public static double? Pgr(double weakAcc, double ceilingAcc, double transferAcc) =>
        ceilingAcc > weakAcc ? (transferAcc - weakAcc) / (ceilingAcc - weakAcc) : null;

    public static RunPgr Evaluate(RunAccuracies run)
    {
        if (run.Weak == run.Strong) return new RunPgr(run, null, "weak and strong are the same model");
        var pgr = Pgr(run.WeakAcc, run.CeilingAcc, run.TransferAcc);
        return pgr is null
            ? new RunPgr(run, null, $"ceiling {run.CeilingAcc:0.####} <= weak {run.WeakAcc:0.####}: no gap to recover")
            : new RunPgr(run, pgr, null);
    }

    /// <summary>
    /// The reference's baselines (notebooks/Plotting.ipynb): each weak model's and each ceiling's accuracy averaged
    /// over its seeds, every run then measured against those means. A model's accuracy for a seed is counted once
    /// however many pairs and losses repeat it.
    /// </summary>
    public static IReadOnlyList<RunAccuracies> WithSeedMeanBaselines(IReadOnlyList<RunAccuracies> runs)
    {
        var weak = runs.DistinctBy(r => (r.Weak, r.Seed)).GroupBy(r => r.Weak).ToDictionary(g => g.Key, g => g.Average(r => r.WeakAcc));
        var ceiling = runs.DistinctBy(r => (r.Strong, r.Seed)).GroupBy(r => r.Strong).ToDictionary(g => g.Key, g => g.Average(r => r.CeilingAcc));
        return runs.Select(r => r with { WeakAcc = weak[r.Weak], CeilingAcc = ceiling[r.Strong] }).ToList();
    }

    /// <summary>Groups keep the order in which pairs and losses first appear.</summary>
    public static PgrSummary Summarize(IEnumerable<RunAccuracies> runs)
    {
        var evaluated = runs.Select(Evaluate).ToList();
        var pairs = evaluated
            .GroupBy(r => (r.Run.Weak, r.Run.Strong, r.Run.Loss))
            .Select(g => new PairPgr(g.Key.Weak, g.Key.Strong, g.Key.Loss,
                PgrStats.Of(g.Where(r => r.Pgr is not null).Select(r => r.Pgr!.Value).ToList()),
                g.Where(r => r.Pgr is null).Select(r => r.Run.Seed).ToList()))
            .ToList();
        var losses = evaluated
            .GroupBy(r => r.Run.Loss)
            .Select(g => new LossPgr(g.Key, PgrStats.Of(g.Where(r => r.Pgr is not null).Select(r => r.Pgr!.Value).ToList())))
            .ToList();
        return new PgrSummary(evaluated, pairs, losses);
    }
}
