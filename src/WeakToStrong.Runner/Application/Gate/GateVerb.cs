using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Gate;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Gate;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Application.Gate;

/// <summary>What `gate` is asked for: which experiments (none: every manifest with a `gate` scale), and what to do with the result.</summary>
public sealed record GateRequest
{
    /// <summary>Every experiment's request but its id and scale: device, store, threads, folders, command line.</summary>
    public required ReproduceRequest Template { get; init; }

    public IReadOnlyList<string> Experiments { get; init; } = [];

    /// <summary>Rewrite each snapshot with this run's metrics (printing old against new) instead of checking them.</summary>
    public bool Accept { get; init; }

    /// <summary>Flip <see cref="GateVerb.SabotageFlip"/> of every weak label first: the gate must then fail (docs/gate.md "Sabotage").</summary>
    public bool Sabotage { get; init; }

    /// <summary>Flip this fraction of every weak label first, in place of <see cref="GateVerb.SabotageFlip"/>: how small a
    /// regression each experiment's gate detects (docs/gate.md "Sabotage").</summary>
    public double? Flip { get; init; }

    /// <summary>The fraction of weak labels this gate run flips; null for an honest run.</summary>
    public double? Flipped => Flip ?? (Sabotage ? GateVerb.SabotageFlip : null);
}

/// <summary>One experiment's gate: its verdict, and the snapshot this run would write (what `--accept` writes).</summary>
public sealed record GateOutcome(GateVerdict Verdict, GateSnapshot? Committed, GateSnapshot Current, string SnapshotPath, bool Accepted);

public sealed record GateResult(IReadOnlyList<GateOutcome> Outcomes, IReadOnlyList<(string Experiment, string Error)> Errors)
{
    public bool Passed => Errors.Count == 0 && Outcomes.All(o => o.Accepted || o.Verdict.Passed);
}

/// <summary>
/// `gate`: runs each experiment at its `gate` scale (resuming from the content store like any run), reads the gated
/// metrics from the record and holds them to the committed snapshot `experiments/__snapshots__/&lt;id&gt;.snap` within
/// the manifest's `gate` tolerances (docs/gate.md). `--accept` rewrites the snapshots instead, refusing a run whose
/// weak–ceiling gap is too small to gate.
/// </summary>
public static class GateVerb
{
    /// <summary>The scale every gated manifest declares.</summary>
    public const string Scale = "gate";

    /// <summary>
    /// The sabotage: a fifth of the weak labels flipped (p → 1 − p; the items drawn from each run seed), the smallest
    /// regression issue 29 asks the gate to catch on every gated experiment: each student then trains on labels a
    /// fifth of which contradict its supervisor (docs/gate.md "Sabotage" has what each experiment's rows do under it).
    /// </summary>
    public const double SabotageFlip = 0.2;

    public const string SnapshotsFolder = "__snapshots__";

    public static string SnapshotPath(string experimentsDirectory, string experiment) =>
        Path.Combine(experimentsDirectory, SnapshotsFolder, experiment + ".snap");

    /// <summary>The experiments the gate covers, in order: those named, else every manifest that declares a `gate` scale.</summary>
    public static IReadOnlyList<string> Plan(GateRequest request)
    {
        var catalog = new ExperimentCatalog(request.Template.ExperimentsDirectory);
        var chosen = catalog.Chosen(request.Experiments);
        return chosen.Count > 0 ? chosen : catalog.Ids().Where(id => DeclaresGate(catalog.PathOf(id))).ToList();
    }

    static bool DeclaresGate(string manifestPath)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(manifestPath))?["scales"]?[Scale] is JsonObject;
        }
        catch (JsonException)
        {
            return true; // named so that the run reports the manifest's located error rather than skipping it
        }
    }

    public static async Task<GateResult> RunAsync(GateRequest request, IRunProgress progress, CancellationToken ct = default)
    {
        var outcomes = new List<GateOutcome>();
        var errors = new List<(string, string)>();
        var ids = Plan(request);
        for (int i = 0; i < ids.Count; i++)
        {
            progress.Info($"gate {i + 1}/{ids.Count}: {ids[i]}{(request.Flipped is { } flip ? $" (sabotaged: {flip:P0} of weak labels flipped)" : "")}");
            try
            {
                outcomes.Add(await OneAsync(request, ids[i], progress, ct));
            }
            catch (Exception e) when (e is UserError or Execution.StageFailedException or InvalidDataException or IOException)
            {
                errors.Add((ids[i], e.Message.ReplaceLineEndings(" ")));
                progress.Info($"gate: {ids[i]} failed: {e.Message.ReplaceLineEndings(" ")}");
            }
        }
        return new GateResult(outcomes, errors);
    }

    static async Task<GateOutcome> OneAsync(GateRequest request, string id, IRunProgress progress, CancellationToken ct)
    {
        var sets = request.Flipped is { } flip ? [.. request.Template.Sets, $"weakLabelFlip={flip.ToString(System.Globalization.CultureInfo.InvariantCulture)}"] : request.Template.Sets;
        var run = await Reproduction.RunAsync(request.Template with { Experiment = id, Scale = Scale, Sets = sets }, progress, ct);
        var record = RunRecord.Read(run.RecordPath);
        var tolerances = Tolerances(record.Hashed);
        var current = GateSnapshot.FromRecord(record.Hashed, run.RunKey, tolerances.Keys);
        string path = SnapshotPath(request.Template.ExperimentsDirectory, id);
        GateSnapshot? committed;
        try { committed = SnapshotFile.Read(path); }
        // A damaged snapshot's error says to accept a new one: with --accept, this is that, so it is compared as absent.
        catch (Exception e) when (request.Accept && e is InvalidDataException or UserFileException) { committed = null; }
        var verdict = GateCheck.Compare(committed, current, tolerances);
        if (!request.Accept) return new GateOutcome(verdict, committed, current, path, Accepted: false);

        if (verdict.Gaps.FirstOrDefault(g => !g.Enough) is { } thin)
            throw new InvalidDataException($"{id}: not accepting a snapshot of noise: {thin} (< {GapCheck.MinimumSigmas} SE); raise data.split.test in scales.gate or choose a weaker supervisor");
        if (request.Flipped is not null)
            throw new InvalidDataException($"{id}: not accepting a sabotaged run as the snapshot");
        SnapshotFile.Write(path, current);
        return new GateOutcome(verdict, committed, current, path, Accepted: true);
    }

    /// <summary>The manifest's `gate` section as the run recorded it.</summary>
    public static IReadOnlyDictionary<string, GateTolerance> Tolerances(JsonObject hashed) =>
        hashed["manifest"]?["gate"]?.Deserialize<Dictionary<string, GateTolerance>>(ManifestJson.Options)
        ?? new Dictionary<string, GateTolerance>();
}
