using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// The gated numbers of a listed run: the manifest's <c>gate</c> metrics read out of the run's summary exactly as
/// `audit --rerun` reads them (<see cref="GateComparison.Values"/>), labelled "metric weak->strong/loss" (and
/// "pgr.median pooled/loss"), in label order.
/// </summary>
public static class RunsGates
{
    public static IReadOnlyList<KeyValuePair<string, double?>> Values(RunSummary run) =>
        run.Gate is null ? [] : GateComparison.Values(run.Gate, run.Summary).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
}
