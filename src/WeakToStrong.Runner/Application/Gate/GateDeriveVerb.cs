using System.Globalization;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Gate;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Gate;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Application.Gate;

/// <summary>One experiment's derivation: every gated row's spreads, the tolerances they give, the run measured, and each pair's gap over the seeds' mean accuracies.</summary>
public sealed record GateDerivation(string Experiment, string RunKey, IReadOnlyList<int> Seeds, int TestItems, int Resamples,
    IReadOnlyList<MetricSpread> Spreads, IReadOnlyList<DerivedTolerance> Tolerances, IReadOnlyList<GapCheck> Gaps);

/// <summary>
/// `gate --derive`: each gated experiment at its gate scale over several seeds (default 0–4), the spread of every gated
/// metric over those seeds, a bootstrap over the first seed's test items (its checkpoints predict the test split again),
/// and from both the tolerances <see cref="ToleranceDerivation"/> defines, written into the manifest's `gate` section
/// with how and when they were derived. docs/gate.md explains the formula and shows the table this prints.
/// </summary>
public static class GateDeriveVerb
{
    public const int Resamples = 2000;
    public static readonly IReadOnlyList<int> DefaultSeeds = [0, 1, 2, 3, 4];

    public static async Task<IReadOnlyList<GateDerivation>> RunAsync(GateRequest request, IReadOnlyList<int> seeds, IRunProgress progress,
        CancellationToken ct = default)
    {
        if (seeds.Count < 5) throw new UserError($"gate: a derivation needs at least 5 seeds (got {seeds.Count}): 4 degrees of freedom are few enough");
        var result = new List<GateDerivation>();
        foreach (var id in GateVerb.Plan(request))
        {
            progress.Info($"gate --derive: {id}, seeds {string.Join(" ", seeds)}");
            var run = await Reproduction.RunAsync(request.Template with { Experiment = id, Scale = GateVerb.Scale, Seeds = seeds }, progress, ct);
            var record = RunRecord.Read(run.RecordPath);
            var store = new ContentStore(ContentStore.RootFrom(request.Template.StoreRoot));
            var items = GateItems.Predict(record.Hashed, store, seeds[0], progress.Info);
            var spreads = Spreads(record.Hashed, items);
            var snapshot = GateSnapshot.FromRecord(record.Hashed, run.RunKey, GateFamilies.All);
            string provenance = string.Create(CultureInfo.InvariantCulture,
                $"bootstrap of {Resamples} resamples of seed {seeds[0]}'s {snapshot.TestItems} test items; run {run.RunKey[..12]}, {record.First.Cpu}, {record.First.Threads} threads, {DateTime.UtcNow:yyyy-MM-dd}");
            var tolerances = ToleranceDerivation.Derive(spreads, provenance);

            string path = new Experiments.ExperimentCatalog(request.Template.ExperimentsDirectory).PathOf(id);
            var gate = new JsonObject();
            foreach (var t in tolerances)
                gate[t.Family] = new JsonObject { ["abs"] = t.Abs, ["derivation"] = t.Derivation };
            File.WriteAllText(path, ManifestGateSection.Replace(File.ReadAllText(path), gate));
            progress.Info($"gate --derive: {id}: wrote {tolerances.Count} tolerances into {path}");
            result.Add(new GateDerivation(id, run.RunKey, seeds, snapshot.TestItems, Resamples, spreads, tolerances,
                GapCheck.Of(snapshot with { Seeds = [seeds[0]] })));
        }
        return result;
    }

    /// <summary>
    /// Per gated row: its value at each seed, read from each seed's own weak, ceiling and transfer stages (the evaluate
    /// stage's per-run rows carry seed-mean baselines, which have no spread), PGR against that seed's own weak model and
    /// ceiling; and its bootstrap SD.
    /// </summary>
    public static IReadOnlyList<MetricSpread> Spreads(JsonObject hashed, IReadOnlyList<PairItems> items)
    {
        var stages = RecordedStage.ParseAll(hashed).ToDictionary(s => s.Id, s => s.Metrics, StringComparer.Ordinal);
        var seeds = hashed["manifest"]!["seeds"]!.AsArray().Select(s => (int)s!).ToList();
        double Metric(string stage, string name) => (double)stages[stage][name]!;
        var spreads = new List<MetricSpread>();
        void Add(string metric, Func<int, double?> value, double sd)
        {
            if (spreads.All(s => s.Metric != metric))
                spreads.Add(new MetricSpread(metric, seeds.Select(value).Where(v => v is not null).Select(v => v!.Value).ToList(), sd));
        }
        foreach (var p in items)
        {
            var s = ItemBootstrap.Spread(p, Resamples, seed: 0);
            string pair = $"{p.Weak}->{p.Strong}/{p.Loss}";
            double W(int seed) => Metric(Core.Plans.StageIds.Weak(p.Weak, seed), "testAcc");
            double C(int seed) => Metric(Core.Plans.StageIds.Ceiling(p.Strong, seed), "testAcc");
            string T(int seed) => Core.Plans.StageIds.Transfer(p.Weak, p.Strong, p.Loss, seed);
            Add($"weak.acc {p.Weak}", seed => W(seed), s.WeakAcc);
            Add($"ceiling.acc {p.Strong}", seed => C(seed), s.CeilingAcc);
            Add($"transfer.acc {pair}", seed => Metric(T(seed), "testAcc"), s.TransferAcc);
            Add($"agreement {pair}", seed => Metric(T(seed), "agreement"), s.Agreement);
            Add($"pgr.median {pair}", seed => C(seed) > W(seed) ? (Metric(T(seed), "testAcc") - W(seed)) / (C(seed) - W(seed)) : null, s.Pgr);
        }
        return spreads;
    }
}
