using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Tests.Results;

/// <summary>
/// Tasks whose records carry per-item outcomes, so the findings have intervals. 1,000 test items per seed, two seeds;
/// a model "right on the first k" items, so accuracies (and each pair's ratio-of-means PGR) are exact: seed 1 shifts
/// every k by +10, which leaves each pair's PGR where it is to within 0.01.
/// </summary>
static class OutcomesFixture
{
    public const int N = 1000;

    public static bool[] First(int k) => Enumerable.Range(0, N).Select(i => i < k).ToArray();

    public static SeedRun Run(string weak, string strong, string loss, int seed, int kWeak, int kStudent, int kCeiling, double positiveRate = 0.5)
    {
        int shift = 10 * seed;
        double w = (kWeak + shift) / (double)N, t = (kStudent + shift) / (double)N, c = (kCeiling + shift) / (double)N;
        return new SeedRun(weak, strong, loss, seed, w, t, c, Agreement: null, Pgr: PgrStatistics.Pgr(w, c, t))
        {
            Outcomes = new SeedOutcomes(First(kWeak + shift), First(kStudent + shift), First(kCeiling + shift)),
            StudentPositiveRate = positiveRate,
        };
    }

    static TaskRecord Task(string id, string setting, params SeedRun[] runs) =>
        new(id, "cpu", setting, id[..2] + new string('0', 62), "2026-02-01T10:00:00.0000000+00:00", null, Dirty: false, TestSize: N, runs);

    /// <summary>
    /// w (0.6) → s (0.9): xent right on 780 (PGR 0.6), logconf on 870 (0.9); gap 22.1 SE at the seed means (0.605, 0.905).
    /// u (0.7) → s (0.9): xent 800 (0.5), logconf 820 (0.6); gap 16.0 SE. Weak models 6.7 and 13.2 SE above chance.
    /// </summary>
    public static TaskRecord Delta => Task("delta", "classification",
    [
        .. Seeds(s => Run("w", "s", "xent", s, 600, 780, 900)), .. Seeds(s => Run("w", "s", "logconf", s, 600, 870, 900)),
        .. Seeds(s => Run("u", "s", "xent", s, 700, 800, 900)), .. Seeds(s => Run("u", "s", "logconf", s, 700, 820, 900)),
    ]);

    /// <summary>A reward model a (0.6) → b (0.9), Bradley–Terry student right on 660: PGR 0.2.</summary>
    public static TaskRecord Epsilon => Task("epsilon", "reward-model", [.. Seeds(s => Run("a", "b", "bradley-terry", s, 600, 660, 900))]);

    static IEnumerable<SeedRun> Seeds(Func<int, SeedRun> run) => [run(0), run(1)];
}
