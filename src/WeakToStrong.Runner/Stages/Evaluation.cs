using System.Text.Json;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Results;
using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Collects test accuracies of the weak, ceiling and transfer stages and aggregates them with Core's
/// <see cref="PgrStatistics"/>: per-run PGR, per (weak, strong, loss) over seeds, and per loss pooled over valid runs.
/// Runs without a gap to recover (ceiling ≤ weak) are kept and flagged, never silently dropped, and excluded from medians.
/// The gated summary is always the final checkpoints'; early-stopping variants get their own summaries beside it.
/// </summary>
public static class Evaluation
{
    public static IReadOnlyList<RunAccuracies> Runs(Stage evaluate, StageInputs inputs) => Runs(evaluate, inputs, variant: null)!;

    /// <summary>
    /// The runs as one early-stopping variant sees them (null: the final checkpoints). Under a variant each stage
    /// that reports it contributes the accuracy where the variant stopped; a stage without it (weak-agreement for
    /// the weak model and the ceiling, which have no supervisor) contributes its final accuracy. Null when a
    /// student did not report the variant (it was not asked for).
    /// </summary>
    public static IReadOnlyList<RunAccuracies>? Runs(Stage evaluate, StageInputs inputs, string? variant)
    {
        var p = evaluate.Read<EvaluateParameters>();
        TrainMetrics Metrics(string id) => inputs.Metrics<TrainMetrics>(id);
        double Acc(string id) => Metrics(id).At(variant).TestAcc;

        var runs = new List<RunAccuracies>();
        for (var i = 0; i < p.Pairs.Count; i++)
            foreach (var loss in p.Losses)
                foreach (var seed in p.SeedsOfPair(i)) // a strong model's own seeds, where it declares them
                {
                    var pair = p.Pairs[i];
                    var transfer = Metrics(StageIds.Transfer(pair[0], pair[1], loss, seed));
                    if (variant is not null && transfer.EarlyStopping?.ContainsKey(variant) != true) return null;
                    var student = transfer.At(variant);
                    runs.Add(new RunAccuracies(pair[0], pair[1], loss, seed,
                        WeakAcc: Acc(StageIds.Weak(pair[0], seed)), CeilingAcc: Acc(StageIds.Ceiling(pair[1], seed)),
                        TransferAcc: student.TestAcc, Agreement: student.Agreement));
                }
        return runs;
    }

    public static StageResult Evaluate(Stage stage, StageInputs inputs, string work)
    {
        var summary = PgrStatistics.Summarize(Baselined(stage, Runs(stage, inputs)));
        var chains = BootstrapEvaluation.Rows(stage, inputs); // chains m0 → … → mN (paper §4.3.1), when the manifest has any

        var variants = new Dictionary<string, EvaluateVariant>(StringComparer.Ordinal);
        foreach (var variant in VariantsReported(stage, inputs))
            if (Runs(stage, inputs, variant) is { } runs)
            {
                var s = PgrStatistics.Summarize(Baselined(stage, runs));
                variants[variant] = new EvaluateVariant(RunRows(s), SummaryOf(s, inputs, finalCheckpoint: false));
            }

        var output = new EvaluateOutput
        {
            Runs = RunRows(summary),
            Summary = SummaryOf(summary, inputs, finalCheckpoint: true) with
            {
                PgrBaseline = stage.Read<EvaluateParameters>().PgrBaseline,
                Bootstrap = chains?.Summaries,
            },
            Bootstrap = chains?.Runs,
            EarlyStopping = variants.Count > 0 ? variants : null,
        };
        var metrics = EvaluateJson.ToJson(output);
        string path = Path.Combine(work, "pgr.json");
        File.WriteAllText(path, metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new StageResult(new Dictionary<string, string> { ["pgr"] = path }, metrics);
    }

    /// <summary>One seed of a pair: its weak, student and ceiling stages.</summary>
    internal sealed record SeedStages(int Seed, string Weak, string Student, string Ceiling);

    /// <summary>
    /// Adds to a summary row the ratio-of-means PGR and the gain, each with its 95% paired bootstrap interval (Core's
    /// <see cref="PgrBootstrap"/> over the stages' per-item test outcomes), the student's agreement with the weak model
    /// and its error-correction rate on the weak model's wrong items, its accuracy on the weak model's right items,
    /// the test size the SE flags use, and the seeds on which the student predicted one class only. Without per-item
    /// outcomes (stages recorded before them, or an early-stopping variant) the intervals and error structure are null
    /// and the point estimates come from the mean accuracies.
    /// </summary>
    internal static T WithUncertainty<T>(T row, StageInputs inputs, IReadOnlyList<SeedStages> seeds,
        double weakAcc, double studentAcc, double ceilingAcc, bool finalCheckpoint) where T : PgrUncertainty
    {
        TrainMetrics M(string id) => inputs.Metrics<TrainMetrics>(id);
        var outcomes = new List<SeedOutcomes>();
        foreach (var seed in seeds)
        {
            if (!finalCheckpoint) break;
            if (Outcomes(M(seed.Weak)) is not { } w || Outcomes(M(seed.Student)) is not { } t || Outcomes(M(seed.Ceiling)) is not { } c) break;
            outcomes.Add(new SeedOutcomes(w, t, c));
        }
        var b = outcomes.Count == seeds.Count && seeds.Count > 0 ? PgrBootstrap.Of(outcomes) : null;
        var sizes = seeds.Select(s => M(s.Weak).TestItems).ToList();
        var rates = seeds.Select(s => (s.Seed, Rate: M(s.Student).TestPositiveRate)).ToList();
        return (T)((PgrUncertainty)row with
        {
            PgrRatioOfMeans = b is not null ? b.Pgr : PgrStatistics.Pgr(weakAcc, ceilingAcc, studentAcc),
            PgrCi = Ci(b?.PgrCi),
            PgrCiNote = b?.PgrCiNote,
            Gain = b is not null ? b.Gain : studentAcc - weakAcc,
            GainCi = Ci(b?.GainCi),
            WeakWrongAgreement = b?.WeakWrongAgreement,
            ErrorCorrection = b?.ErrorCorrection,
            ErrorCorrectionCi = Ci(b?.ErrorCorrectionCi),
            WeakRightAccuracy = b?.WeakRightAccuracy,
            TestItems = sizes.All(n => n is not null) && sizes.Count > 0 ? sizes.Min() : null,
            ConstantStudentSeeds = finalCheckpoint && rates.All(r => r.Rate is not null)
                ? rates.Where(r => Significance.IsConstant(r.Rate)).Select(r => r.Seed).ToList()
                : null,
        });
    }

    /// <summary>A training stage's per-item test outcomes, or null when its record predates them.</summary>
    internal static bool[]? Outcomes(TrainMetrics metrics) =>
        metrics.TestCorrect is { } encoded && metrics.TestItems is { } n ? ItemOutcomes.Decode(encoded, n) : null;

    static IReadOnlyList<double>? Ci(Interval? ci) => ci is null ? null : [ci.Lo, ci.Hi];

    /// <summary>
    /// The manifest's PGR baselines: the reference's seed means (default), or each run's own seed. Seed means are taken
    /// over each pair's own seeds, so a weak model that also supervises a probe on more seeds gives a fine-tuned pair
    /// the mean of the seeds that pair ran on (with one seed list for every pair, that is the reference's mean).
    /// </summary>
    internal static IReadOnlyList<RunAccuracies> Baselined(Stage evaluate, IReadOnlyList<RunAccuracies> runs) =>
        evaluate.Read<EvaluateParameters>().PgrBaseline == PgrBaseline.PerSeed ? runs
            : runs.GroupBy(r => (r.Weak, r.Strong)).SelectMany(g => PgrStatistics.WithSeedMeanBaselines(g.ToList())).ToList();

    /// <summary>Variant names any transfer stage reported, in the order first seen.</summary>
    static IEnumerable<string> VariantsReported(Stage evaluate, StageInputs inputs) =>
        evaluate.DependsOn.Where(id => inputs.Stage(id).Stage.Kind == StageKind.Transfer)
            .SelectMany(id => inputs.Metrics<TrainMetrics>(id).EarlyStopping?.Keys ?? [])
            .Distinct(StringComparer.Ordinal);

    static IReadOnlyList<RunRow> RunRows(PgrSummary summary) => summary.Runs.Select(r => new RunRow
    {
        Weak = r.Run.Weak, Strong = r.Run.Strong, Loss = r.Run.Loss, Seed = r.Run.Seed,
        WeakAcc = r.Run.WeakAcc, TransferAcc = r.Run.TransferAcc, CeilingAcc = r.Run.CeilingAcc,
        Agreement = r.Run.Agreement, Pgr = r.Pgr, Flag = r.ExcludedBecause,
    }).ToList();

    /// <summary>
    /// The record's summary (<see cref="EvaluateSummary"/>). Beside the median and mean ± SE of per-seed PGRs, each pair
    /// has the ratio-of-means PGR and gain with their paired bootstrap intervals and the error structure
    /// (<see cref="WithUncertainty"/>); an early-stopping variant's rows have the point estimates only (per-item
    /// outcomes are recorded for the final checkpoint).
    /// </summary>
    static EvaluateSummary SummaryOf(PgrSummary s, StageInputs inputs, bool finalCheckpoint) => new()
    {
        Pairs = s.Pairs.Select(pair =>
        {
            var runs = s.Runs.Where(r => (r.Run.Weak, r.Run.Strong, r.Run.Loss) == (pair.Weak, pair.Strong, pair.Loss)).ToList();
            var agreements = runs.Where(r => r.Run.Agreement is not null).Select(r => r.Run.Agreement!.Value).ToList();
            double weakAcc = runs.Average(r => r.Run.WeakAcc), transferAcc = runs.Average(r => r.Run.TransferAcc),
                ceilingAcc = runs.Average(r => r.Run.CeilingAcc);
            var row = new PairSummary
            {
                Weak = pair.Weak, Strong = pair.Strong, Loss = pair.Loss,
                Seeds = runs.Count, ValidSeeds = pair.Stats.Count,
                WeakAcc = weakAcc, TransferAcc = transferAcc, CeilingAcc = ceilingAcc,
                Agreement = agreements.Count > 0 ? agreements.Average() : null,
                PgrMedian = pair.Stats.Median, PgrMean = pair.Stats.Mean, PgrSe = pair.Stats.StandardError,
            };
            var stages = runs.Select(r => new SeedStages(r.Run.Seed, StageIds.Weak(pair.Weak, r.Run.Seed),
                StageIds.Transfer(pair.Weak, pair.Strong, pair.Loss, r.Run.Seed), StageIds.Ceiling(pair.Strong, r.Run.Seed))).ToList();
            return WithUncertainty(row, inputs, stages, weakAcc, transferAcc, ceilingAcc, finalCheckpoint);
        }).ToList(),
        MedianPgrByLoss = s.Losses.ToDictionary(l => l.Loss, l => l.Stats.Median, StringComparer.Ordinal),
        Flagged = s.Excluded.Select(r => $"{r.Run.Weak}->{r.Run.Strong}/{r.Run.Loss}/s{r.Run.Seed}: {r.ExcludedBecause}").ToList(),
    };
}
