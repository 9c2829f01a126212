using System.Globalization;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Gate;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Gate;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Application.Gate;

/// <summary>One run of the gate scale on one group of seeds, and the gated statistics it gave.</summary>
public sealed record SeedGroupRun(int Group, IReadOnlyList<int> Seeds, string RunKey, GateSnapshot Snapshot, string Cpu, int Threads);

/// <summary>
/// One experiment's derivation: the base run (the snapshot's seeds), the derivation groups whose spread sets each row's
/// tolerance, and the check groups, other disjoint seeds, each held to the base run under those tolerances: the
/// false alarms an honest re-run on other seeds raises.
/// </summary>
public sealed record GateDerivation(string Experiment, SeedGroupRun Base, IReadOnlyList<SeedGroupRun> Derivation,
    IReadOnlyList<SeedGroupRun> Checks, IReadOnlyList<RowSpread> Spreads, IReadOnlyList<DerivedTolerance> Tolerances,
    IReadOnlyList<GateVerdict> CheckVerdicts)
{
    public int FalseAlarms => CheckVerdicts.Count(v => !v.Passed);
}

/// <summary>
/// `gate --derive`: each gated experiment at its gate scale on its own seeds (group 0), then on <c>groups</c> disjoint
/// seed groups of the same size (group g runs seeds s + g·(max + 1)), whose spread of every gated statistic gives that
/// row's tolerance (<see cref="ToleranceDerivation"/>), then on <c>groups</c> further groups held to group 0 under
/// those tolerances, counting false alarms. Writes the tolerances into the manifest's `gate` section; docs/gate.md
/// shows the tables this prints.
/// </summary>
public static class GateDeriveVerb
{
    public const int DefaultGroups = 10;

    /// <summary>The families a derivation gates: each accuracy's seed mean, each student's agreement, and the PGR of the means.</summary>
    public static readonly IReadOnlyList<string> Families = ["weak.acc", "ceiling.acc", "transfer.acc", "agreement", GateFamilies.Pgr];

    public static async Task<IReadOnlyList<GateDerivation>> RunAsync(GateRequest request, int groups, IRunProgress progress,
        CancellationToken ct = default)
    {
        if (groups < 5) throw new UserError($"gate: a derivation needs at least 5 seed groups (got {groups}): fewer leave the spread unmeasured");
        var result = new List<GateDerivation>();
        foreach (var id in GateVerb.Plan(request))
        {
            async Task<SeedGroupRun> Group(int g, IReadOnlyList<int> seeds)
            {
                progress.Info($"gate --derive: {id}, group {g}{(seeds.Count > 0 ? $", seeds {string.Join(" ", seeds)}" : "")}");
                var run = await Reproduction.RunAsync(request.Template with { Experiment = id, Scale = GateVerb.Scale, Seeds = seeds }, progress, ct);
                var record = RunRecord.Read(run.RecordPath);
                var snapshot = GateSnapshot.FromRecord(record.Hashed, run.RunKey, Families);
                return new SeedGroupRun(g, snapshot.Seeds, run.RunKey, snapshot, record.First.Cpu ?? "", record.First.Threads ?? 0);
            }

            var baseRun = await Group(0, []);
            // PGR divides by the weak–ceiling gap: a pair whose gap the test split cannot resolve (< 5 SE) is gated on its
            // accuracies and agreement, and its PGR rows get no tolerance (so the gate does not hold them).
            var thin = GapCheck.Of(baseRun.Snapshot).Where(g => !g.Enough).Select(g => $"{g.Weak}->{g.Strong}/").ToList();
            bool Gated(GateValue m) => !(m.Family == GateFamilies.Pgr && thin.Any(p => m.Subject.StartsWith(p, StringComparison.Ordinal)));
            int stride = baseRun.Seeds.Max() + 1;
            IReadOnlyList<int> SeedsOf(int g) => [.. baseRun.Seeds.Select(s => s + g * stride)];
            var derivation = new List<SeedGroupRun>();
            for (int g = 1; g <= groups; g++) derivation.Add(await Group(g, SeedsOf(g)));
            var spreads = baseRun.Snapshot.Metrics.Where(Gated).Select(m => new RowSpread(m.Metric,
                derivation.Select(r => r.Snapshot.Metrics.SingleOrDefault(x => x.Metric == m.Metric)?.Value).ToList())).ToList();
            string provenance = string.Create(CultureInfo.InvariantCulture,
                $"groups of {baseRun.Seeds.Count} seeds, seeds {SeedsOf(1)[0]}–{SeedsOf(groups)[^1]}; {baseRun.Cpu}, {baseRun.Threads} threads, {DateTime.UtcNow:yyyy-MM-dd}");
            var tolerances = ToleranceDerivation.Derive(spreads, provenance);
            var gate = new JsonObject();
            foreach (var t in tolerances)
                gate[t.Family] = new JsonObject
                {
                    ["rows"] = new JsonObject(t.Rows.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))),
                    ["derivation"] = t.Derivation,
                };
            var asGated = tolerances.ToDictionary(t => t.Family, t => new Core.Manifests.GateTolerance { Rows = t.Rows }, StringComparer.Ordinal);

            var checks = new List<SeedGroupRun>();
            for (int g = groups + 1; g <= 2 * groups; g++) checks.Add(await Group(g, SeedsOf(g)));
            GateSnapshot AsGated(GateSnapshot s) => s with { Metrics = [.. s.Metrics.Where(m => asGated.ContainsKey(m.Family))] };
            var verdicts = checks.Select(c => GateCheck.Compare(AsGated(baseRun.Snapshot) with { Seeds = c.Seeds }, AsGated(c.Snapshot), asGated)).ToList();

            string path = new Experiments.ExperimentCatalog(request.Template.ExperimentsDirectory).PathOf(id);
            File.WriteAllText(path, ManifestGateSection.Replace(File.ReadAllText(path), gate));
            progress.Info($"gate --derive: {id}: wrote {tolerances.Sum(t => t.Rows.Count)} row tolerances into {path}; " +
                          $"{verdicts.Count(v => !v.Passed)} of {verdicts.Count} check groups raised a false alarm");
            result.Add(new GateDerivation(id, baseRun, derivation, checks, spreads, tolerances, verdicts));
        }
        return result;
    }
}
