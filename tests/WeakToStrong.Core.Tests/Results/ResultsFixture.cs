using WeakToStrong.Core.Results;

namespace WeakToStrong.Core.Tests.Results;

/// <summary>
/// Three hand-built tasks whose numbers are worked out in the comments. n_test 2304 = 48², so SE = sqrt(p(1 − p))/48
/// is round where p(1 − p) is a square: p = 0.8 (0.4²), p = 0.64 (0.48²).
/// </summary>
static class ResultsFixture
{
    static SeedRun Run(string weak, string strong, string loss, int seed, double weakAcc, double ceilingAcc, double pgr) =>
        new(weak, strong, loss, seed, weakAcc, TransferAcc: weakAcc + pgr * (ceilingAcc - weakAcc), ceilingAcc, Agreement: 0.875, Pgr: pgr);

    /// <summary>
    /// s → m: gap 0.78 → 0.82, p = 0.8, SE = 0.4/48, gap 4.8 SE: flagged; s 28 SE above chance (p = 0.64, SE = 0.01).
    /// s → l: 0.78 → 0.98, p = 0.88, gap 29.54 SE. xent PGRs 0.25, 0.5, 1 (median 0.5, mean 0.5833, SE 0.2205); logconf 0.5, 0.75, 1.
    /// </summary>
    public static TaskRecord Alpha => new("alpha", "cpu", "classification", "a1" + new string('0', 62), "2026-01-02T10:00:00.0000000+00:00",
        "0123456789abcdef0123456789abcdef01234567", Dirty: false, TestSize: 2304,
        [
            Run("s", "m", "xent", 0, 0.78, 0.82, 0.5), Run("s", "m", "xent", 1, 0.78, 0.82, 0.75), Run("s", "m", "xent", 2, 0.78, 0.82, 0.25),
            Run("s", "m", "logconf", 0, 0.78, 0.82, 0.5), Run("s", "m", "logconf", 1, 0.78, 0.82, 0.5), Run("s", "m", "logconf", 2, 0.78, 0.82, 0.5),
            Run("s", "l", "xent", 0, 0.78, 0.98, 0.25), Run("s", "l", "xent", 1, 0.78, 0.98, 0.5), Run("s", "l", "xent", 2, 0.78, 0.98, 1.0),
            Run("s", "l", "logconf", 0, 0.78, 0.98, 0.5), Run("s", "l", "logconf", 1, 0.78, 0.98, 0.75), Run("s", "l", "logconf", 2, 0.78, 0.98, 1.0),
        ]);

    /// <summary>A reward model, one seed, n 100: a → b 0.75 → 0.95 (gap 5.60 SE), a 5.16 SE above chance: not flagged. PGR −0.25.</summary>
    public static TaskRecord Beta => new("beta", "cpu", "reward-model", "b2" + new string('0', 62), "2026-01-03T10:00:00.0000000+00:00",
        "fedcba9876543210fedcba9876543210fedcba98", Dirty: true, TestSize: 100,
        [Run("a", "b", "bradley-terry", 0, 0.75, 0.95, -0.25)]);

    /// <summary>
    /// One seed, n 2304. s → l: 0.68 → 0.92, p = 0.8, gap 0.24·120 = 28.8 SE; xent 0.25, logconf 0.125.
    /// t → l: t at chance (0 SE): flagged; xent 1.
    /// </summary>
    public static TaskRecord Gamma => new("gamma", "cpu", "classification", "c3" + new string('0', 62), "2026-01-01T10:00:00.0000000+00:00",
        null, Dirty: false, TestSize: 2304,
        [Run("s", "l", "xent", 0, 0.68, 0.92, 0.25), Run("s", "l", "logconf", 0, 0.68, 0.92, 0.125), Run("t", "l", "xent", 0, 0.5, 0.92, 1.0)]);

    public static ResultsReport Report => ResultsReport.Of([Gamma, Alpha, Beta]);
}
