using WeakToStrong.Core.Evaluate;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Bootstrapped weak-to-strong (paper §4.3.1): for each chain m0 → … → mN, loss and seed, the final model's test
/// accuracy against the weak supervisor (m0's weak stage) and mN's ceiling, with PGR from Core's
/// <see cref="PgrStatistics"/>, beside the direct m0 → mN transfer when the manifest runs that pair (the paper's
/// comparison). Per-run rows go to the document's <c>bootstrap</c>, the per (chain, loss) aggregate over seeds to
/// <c>summary.bootstrap</c> (the run record's summary); both are absent for a manifest without chains.
/// </summary>
public static class BootstrapEvaluation
{
    /// <summary>One chain, loss and seed: every model's test accuracy and train2 label accuracy, in chain order.</summary>
    public sealed record ChainRun(IReadOnlyList<string> Chain, RunPgr Final, IReadOnlyList<StepAccuracy> Steps, double? DirectTransferAcc);

    public sealed record StepAccuracy(string Model, double TestAcc, double? Train2Acc);

    public static IReadOnlyList<ChainRun> Runs(Stage evaluate, StageInputs inputs)
    {
        var p = evaluate.Read<EvaluateParameters>();
        double Acc(string id) => inputs.Metrics<TrainMetrics>(id).TestAcc;

        List<ChainRun> runs = [.. from chain in p.Bootstrap
                   from loss in p.Losses
                   from seed in p.Seeds
                   let stepIds = Enumerable.Range(1, chain.Count - 1).Select(i => StageIds.Bootstrap(chain, loss, i, seed)).ToList()
                   let direct = StageIds.Transfer(chain[0], chain[^1], loss, seed)
                   let weakAcc = Acc(StageIds.Weak(chain[0], seed))
                   select new ChainRun(chain,
                       PgrStatistics.Evaluate(new RunAccuracies(chain[0], chain[^1], loss, seed,
                           WeakAcc: weakAcc, CeilingAcc: Acc(StageIds.Ceiling(chain[^1], seed)), TransferAcc: Acc(stepIds[^1]))),
                       [new StepAccuracy(chain[0], weakAcc, inputs.Metrics<LabelMetrics>(StageIds.Label(chain[0], seed)).Train2Acc),
                        .. stepIds.Select((id, i) => new StepAccuracy(chain[i + 1], Acc(id), inputs.Metrics<TrainMetrics>(id).Train2Acc))],
                       evaluate.DependsOn.Contains(direct) ? Acc(direct) : null)];
        // The manifest's baselines, as for pairs: with seed-mean, the chain's weak model and final ceiling averaged over seeds.
        var baselined = Evaluation.Baselined(evaluate, runs.Select(r => r.Final.Run).ToList());
        return runs.Select((r, i) => r with { Final = PgrStatistics.Evaluate(baselined[i]) }).ToList();
    }

    /// <summary>The chains' per-run rows and their per (chain, loss) summaries; null for a manifest without chains.</summary>
    public static ChainRows? Rows(Stage evaluate, StageInputs inputs)
    {
        var runs = Runs(evaluate, inputs);
        if (runs.Count == 0) return null;
        return new ChainRows(
            runs.Select(r => new ChainRunRow
            {
                Chain = r.Chain, Loss = r.Final.Run.Loss, Seed = r.Final.Run.Seed,
                WeakAcc = r.Final.Run.WeakAcc, BootstrapAcc = r.Final.Run.TransferAcc, CeilingAcc = r.Final.Run.CeilingAcc,
                Pgr = r.Final.Pgr, Flag = r.Final.ExcludedBecause,
                DirectTransferAcc = r.DirectTransferAcc, DirectPgr = DirectPgr(r),
                Steps = r.Steps.Select(s => new ChainStep(s.Model, s.TestAcc, s.Train2Acc)).ToList(),
            }).ToList(),
            runs.GroupBy(r => (Chain: string.Join("->", r.Chain), r.Final.Run.Loss)).Select(g => Summary(g.ToList(), inputs)).ToList());
    }

    /// <summary>What the chains add to the evaluate stage's document: <c>bootstrap</c> and <c>summary.bootstrap</c>.</summary>
    public sealed record ChainRows(IReadOnlyList<ChainRunRow> Runs, IReadOnlyList<ChainSummary> Summaries);

    /// <summary>Per chain and loss over seeds; with the ratio-of-means PGR, gain and their intervals as for a pair (<see cref="Evaluation.WithUncertainty"/>).</summary>
    static ChainSummary Summary(IReadOnlyList<ChainRun> runs, StageInputs inputs)
    {
        var stats = PgrStats.Of(runs.Where(r => r.Final.Pgr is not null).Select(r => r.Final.Pgr!.Value).ToList());
        var direct = runs.Select(r => r.DirectTransferAcc).ToList();
        var chain = runs[0].Chain;
        var row = new ChainSummary
        {
            Chain = runs[0].Chain, Loss = runs[0].Final.Run.Loss,
            Seeds = runs.Count, ValidSeeds = stats.Count,
            WeakAcc = runs.Average(r => r.Final.Run.WeakAcc), BootstrapAcc = runs.Average(r => r.Final.Run.TransferAcc),
            CeilingAcc = runs.Average(r => r.Final.Run.CeilingAcc),
            DirectTransferAcc = direct.All(d => d is not null) ? direct.Average() : null,
            PgrMedian = stats.Median, PgrMean = stats.Mean, PgrSe = stats.StandardError,
            Flagged = runs.Where(r => r.Final.ExcludedBecause is not null).Select(r => $"s{r.Final.Run.Seed}: {r.Final.ExcludedBecause}").ToList(),
        };
        var seeds = runs.Select(r => new Evaluation.SeedStages(r.Final.Run.Seed, StageIds.Weak(chain[0], r.Final.Run.Seed),
            StageIds.Bootstrap(chain, r.Final.Run.Loss, chain.Count - 1, r.Final.Run.Seed), StageIds.Ceiling(chain[^1], r.Final.Run.Seed))).ToList();
        return Evaluation.WithUncertainty(row, inputs, seeds, row.WeakAcc, row.BootstrapAcc, row.CeilingAcc, finalCheckpoint: true);
    }

    /// <summary>The direct transfer's PGR against the same weak and ceiling, so the two are read on one scale.</summary>
    static double? DirectPgr(ChainRun r) =>
        r.DirectTransferAcc is { } acc ? PgrStatistics.Pgr(r.Final.Run.WeakAcc, r.Final.Run.CeilingAcc, acc) : null;
}
