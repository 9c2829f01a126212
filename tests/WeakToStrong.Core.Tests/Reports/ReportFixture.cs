using WeakToStrong.Core.Reports;
using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Tests.Reports;

/// <summary>
/// A hand-built report input: weak model "s" (3,382,080 parameters) supervising "l" (22,565,376) with xent and
/// logconf over seeds 0 and 1, and a schedule of three evaluations per transfer. Numbers chosen so that means and
/// SEs are exact: two values x ± d have mean x and SE d.
/// </summary>
static class ReportFixture
{
    static SeedRun Run(string loss, int seed, double transferAcc, double pgr) =>
        new("s", "l", loss, seed, 0.7, transferAcc, 0.9, Agreement: 0.8, Pgr: pgr);

    /// <summary>
    /// Per-item outcomes of 100 test items per seed with the runs' accuracies: weak right on the first 70, ceiling on the
    /// first 90, the student on the first 70 (xent 75, 85; logconf 80 on both seeds) less its first <c>k</c> and plus
    /// the next ones, so that it corrects some of the weak model's errors and makes some of its own.
    /// </summary>
    static SeedOutcomes Items(int studentRight)
    {
        int lost = 5;
        var weak = Enumerable.Range(0, 100).Select(i => i < 70).ToArray();
        var ceiling = Enumerable.Range(0, 100).Select(i => i < 90).ToArray();
        var student = Enumerable.Range(0, 100).Select(i => i >= lost && i < studentRight + lost).ToArray();
        return new SeedOutcomes(weak, student, ceiling);
    }

    static readonly Dictionary<string, int[]> StudentRight = new() { ["xent"] = [75, 85], ["logconf"] = [80, 80] };

    /// <summary>The per-item outcomes of one loss's two seeds, as <see cref="Input"/> gives them with outcomes.</summary>
    public static IReadOnlyList<SeedOutcomes> Outcomes(string loss) => StudentRight[loss].Select(Items).ToList();

    /// <param name="outcomes">Give each run its per-item outcomes, and logconf's student on seed 1 a constant prediction.</param>
    public static ReportInput Input(bool schedule = true, bool outcomes = false) => new(
        new TaskRecord("alpha", "cpu", "classification", "ab" + new string('0', 62), "2026-01-02T10:00:00.0000000+00:00", null, false, 1000,
            new[] { Run("xent", 0, 0.75, 0.25), Run("xent", 1, 0.85, 0.75), Run("logconf", 0, 0.80, 0.5), Run("logconf", 1, 0.80, 0.5) }
                .Select(r => outcomes
                    ? r with { Outcomes = Outcomes(r.Loss)[r.Seed], StudentPositiveRate = r.Loss == "logconf" && r.Seed == 1 ? 1.0 : 0.6 }
                    : r)
                .ToList()),
        "0.1.0", [0, 1], schedule ? 10 : 0,
        [new ReportModel("s", "gpt2-local", "w64-l2-h2", 3_382_080), new ReportModel("l", "minilm-l6", null, 22_565_376)],
        [new ModelSeedAccuracy("s", 0, 0.65), new ModelSeedAccuracy("s", 1, 0.75)],
        [new ModelSeedAccuracy("l", 0, 0.875), new ModelSeedAccuracy("l", 1, 0.925)],
        schedule
            ?
            [
                // xent: mean 0.70, 0.85, 0.80 — best at step 20, final at 30. logconf: a tie at 0.80 (steps 20 and 30): the earlier is best.
                new TransferCurve("s", "l", "xent", 0, [new(10, 0.65), new(20, 0.80), new(30, 0.75)]),
                new TransferCurve("s", "l", "xent", 1, [new(10, 0.75), new(20, 0.90), new(30, 0.85)]),
                new TransferCurve("s", "l", "logconf", 0, [new(10, 0.70), new(20, 0.80), new(30, 0.80)]),
                new TransferCurve("s", "l", "logconf", 1, [new(10, 0.70), new(20, 0.80), new(30, 0.80)]),
            ]
            :
            [
                new TransferCurve("s", "l", "xent", 0, [new(62, 0.75)]),
                new TransferCurve("s", "l", "xent", 1, [new(62, 0.85)]),
            ]);
}
