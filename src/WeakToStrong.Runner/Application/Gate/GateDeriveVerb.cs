using System.Text.Json;
using System.Globalization;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Gate;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Gate;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Application.Gate;

/// <summary>One run of the gate scale on one group of seeds, and the gated statistics it gave.</summary>
/// <param name="PretrainSeed">The `pretrain.seed` the group's body was pretrained with; null where the gate scale pretrains nothing.</param>
public sealed record SeedGroupRun(int Group, IReadOnlyList<int> Seeds, string RunKey, GateSnapshot Snapshot, string Cpu, int Threads, int? PretrainSeed);

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
/// row's tolerance (<see cref="ToleranceDerivation"/>), then on <c>checks</c> further groups held to group 0 under
/// those tolerances, counting false alarms. Where the gate scale pretrains a body (brown-genre's and nlp-spam's w64),
/// group g also pretrains its own, with `pretrain.seed` + g: another thread count or CPU pretrains other bits
/// (docs/architecture.md §9), and a body is one draw that all of a run's seeds share, so the spread a re-run must be
/// allowed is the spread between bodies, which seed groups on one body never show. Writes the tolerances into the
/// manifest's `gate` section; docs/gate.md shows the tables this prints.
/// </summary>
public static class GateDeriveVerb
{
    public const int DefaultGroups = 10;

    /// <summary>The families a derivation gates: each accuracy's seed mean, each student's agreement, and the PGR of the means.</summary>
    public static readonly IReadOnlyList<string> Families = ["weak.acc", "ceiling.acc", "transfer.acc", "agreement", GateFamilies.Pgr];

    public static async Task<IReadOnlyList<GateDerivation>> RunAsync(GateRequest request, int groups, int checks, IRunProgress progress,
        CancellationToken ct = default)
    {
        if (groups < 5) throw new UserError($"gate: a derivation needs at least 5 seed groups (got {groups}): fewer leave the spread unmeasured");
        if (checks < 1) throw new UserError($"gate: a derivation needs at least 1 check group (got {checks}): without one its false alarms are unmeasured");
        var result = new List<GateDerivation>();
        foreach (var id in GateVerb.Plan(request))
        {
            // pretrainSeed: the body group g pretrains (null: the manifest's own, for group 0 and for scales that pretrain nothing).
            async Task<SeedGroupRun> Group(int g, IReadOnlyList<int> seeds, int? pretrainSeed)
            {
                progress.Info($"gate --derive: {id}, group {g}{(seeds.Count > 0 ? $", seeds {string.Join(" ", seeds)}" : "")}" +
                              (pretrainSeed is { } p ? $", pretrain.seed {p}" : ""));
                var sets = pretrainSeed is { } seed
                    ? [.. request.Template.Sets, string.Create(CultureInfo.InvariantCulture, $"pretrain.seed={seed}")]
                    : request.Template.Sets;
                var run = await Reproduction.RunAsync(request.Template with { Experiment = id, Scale = GateVerb.Scale, Seeds = seeds, Sets = sets }, progress, ct);
                var record = RunRecord.Read(run.RecordPath);
                var snapshot = GateSnapshot.FromRecord(record.Hashed, run.RunKey, Families);
                return new SeedGroupRun(g, snapshot.Seeds, run.RunKey, snapshot, record.Latest.Cpu ?? "", record.Latest.Threads ?? 0,
                    PretrainSeedOf(record.Hashed));
            }

            var baseRun = await Group(0, [], null);
            int? basePretrainSeed = baseRun.PretrainSeed;
            // PGR divides by the weak–ceiling gap: a pair whose gap the test split cannot resolve (< 5 SE) is gated on its
            // accuracies and agreement, and its PGR rows get no tolerance (so the gate does not hold them).
            var thin = GapCheck.Of(baseRun.Snapshot).Where(g => !g.Enough).Select(g => $"{g.Weak}->{g.Strong}/").ToList();
            bool Gated(GateValue m) => !(m.Family == GateFamilies.Pgr && thin.Any(p => m.Subject.StartsWith(p, StringComparison.Ordinal)));
            int stride = baseRun.Seeds.Max() + 1;
            IReadOnlyList<int> SeedsOf(int g) => [.. baseRun.Seeds.Select(s => s + g * stride)];
            var derivation = new List<SeedGroupRun>();
            for (int g = 1; g <= groups; g++) derivation.Add(await Group(g, SeedsOf(g), basePretrainSeed + g));
            var spreads = baseRun.Snapshot.Metrics.Where(Gated).Select(m => new RowSpread(m.Metric,
                derivation.Select(r => r.Snapshot.Metrics.SingleOrDefault(x => x.Metric == m.Metric)?.Value).ToList())).ToList();
            string bodies = basePretrainSeed is { } b ? $", each group on a body of its own (pretrain.seed {b + 1}–{b + groups})" : "";
            string provenance = string.Create(CultureInfo.InvariantCulture,
                $"groups of {baseRun.Seeds.Count} seeds, seeds {SeedsOf(1)[0]}–{SeedsOf(groups)[^1]}{bodies}; {baseRun.Cpu}, {baseRun.Threads} threads, {DateTime.UtcNow:yyyy-MM-dd}");
            var tolerances = ToleranceDerivation.Derive(spreads, provenance);
            var gate = new JsonObject();
            foreach (var t in tolerances)
                gate[t.Family] = new JsonObject
                {
                    ["rows"] = new JsonObject(t.Rows.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))),
                    ["derivation"] = t.Derivation,
                };
            var asGated = tolerances.ToDictionary(t => t.Family, t => new Core.Manifests.GateTolerance { Rows = t.Rows }, StringComparer.Ordinal);

            var checkRuns = new List<SeedGroupRun>();
            for (int g = groups + 1; g <= groups + checks; g++) checkRuns.Add(await Group(g, SeedsOf(g), basePretrainSeed + g));
            GateSnapshot AsGated(GateSnapshot s) => s with { Metrics = [.. s.Metrics.Where(m => asGated.ContainsKey(m.Family))] };
            var verdicts = checkRuns.Select(c => GateCheck.Compare(AsGated(baseRun.Snapshot) with { Seeds = c.Seeds }, AsGated(c.Snapshot), asGated)).ToList();

            string path = new Experiments.ExperimentCatalog(request.Template.ExperimentsDirectory).PathOf(id);
            File.WriteAllText(path, ManifestGateSection.Replace(File.ReadAllText(path), gate));
            progress.Info($"gate --derive: {id}: wrote {tolerances.Sum(t => t.Rows.Count)} row tolerances into {path}; " +
                          $"{verdicts.Count(v => !v.Passed)} of {verdicts.Count} check groups raised a false alarm");
            result.Add(new GateDerivation(id, baseRun, derivation, checkRuns, spreads, tolerances, verdicts));
        }
        return result;
    }

    /// <summary>The run's `pretrain.seed` where its plan pretrains a body, else null.</summary>
    public static int? PretrainSeedOf(JsonObject hashed) =>
        hashed["stages"]?.AsArray().Any(s => (string?)s?["kind"] == "pretrain") == true
            ? hashed["manifest"]?["pretrain"]?.Deserialize<Core.Manifests.PretrainSpec>(Core.Manifests.ManifestJson.Options)?.Seed
            : null;
}
