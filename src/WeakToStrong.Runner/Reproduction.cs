using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using TorchSharp;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Data.Cache;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Executors.Slurm;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner;

/// <summary>
/// `Reproduce`: manifest → resolved manifest → plan → stages (cached where their keys have verified outputs) →
/// run record. The build host's target and `w2s reproduce` both call this; neither shells out to the other.
/// </summary>
public static class Reproduction
{
    public static async Task<ReproduceResult> RunAsync(ReproduceRequest request, IRunProgress? progress = null, CancellationToken ct = default)
    {
        progress ??= new TextProgress(Console.Out);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();

        RunLabels.Check(request.Name, request.Tags);
        var resolved = Resolve(request);
        var manifest = resolved.Manifest!;
        var plan = PlanCompiler.Compile(resolved, StageCode.Current);

        DeviceSelector.Resolve(request.Device); // one clear line when CUDA is asked for and absent, before any work
        RunsFolder.Check(request.RunsDirectory);
        int threads = ThreadCount.Resolve(request.Threads);
        torch.set_num_threads(threads); // pinned: a different thread count changes the bits (docs/architecture.md §9)

        string storeRoot = ContentStore.RootFrom(request.StoreRoot);
        var store = new ContentStore(storeRoot);
        var sources = new SourceCache(storeRoot);
        progress.Info($"{plan.Stages.Count} stages, {threads} threads, store {store.Root}");

        IReadOnlyList<ExecutedStage> executed;
        SlurmRun? slurm = null;
        if (request.Slurm is { } options)
        {
            // The same stages, computed by Slurm jobs on the same store and read back from it (docs/cluster.md).
            slurm = await SlurmExecutor.RunAsync(plan, store, threads, request.Device, options, progress, ct);
            if (slurm.Stages is null)
                return new ReproduceResult("", "", []) { Detached = new DetachedSubmission(slurm.Jobs.Count, slurm.Submitted.Count, slurm.PlanFile!) };
            executed = slurm.Stages;
        }
        else
        {
            executed = await new PlanExecutor(store, sources, request.Device, progress).RunAsync(plan, ct);
        }
        // Provenance only: how it ran never changes the run key.
        var executor = slurm is null ? ExecutorInfo.Local : new ExecutorInfo("slurm", slurm.PlanFile, slurm.Jobs);
        var record = RecordBuilder.Build(request, resolved, plan, executed, threads, started, clock.Elapsed, store.Root, executor);
        var written = RunHistory.Append(request.RunsDirectory, record);
        // Not "record …": scripts read the record's path from the closing "record <path>" line.
        if (written.Executions > 1) progress.Info($"run history: execution {written.Executions} of this run appended; the first is kept");
        if (written.SetAside is { } aside) progress.Info($"run history: the unreadable or edited file under this run's name was moved to {aside}");
        return new ReproduceResult(record.RunKey, written.Path, PgrRows(executed.Single(e => e.Stage.Kind == StageKind.Evaluate)));
    }

    /// <summary>Loads and resolves the manifest with the request's scale, seeds and `--set` overrides (CLI layer last).</summary>
    public static ResolvedManifest Resolve(ReproduceRequest request)
    {
        var catalog = new ExperimentCatalog(request.ExperimentsDirectory);
        var sets = new List<string>(request.Sets);
        if (request.Seeds.Count > 0)
            sets.Add("seeds=[" + string.Join(",", request.Seeds.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]");
        var layers = new List<OverrideLayer>
        {
            OverrideLayer.FromEnvironment(System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => KeyValuePair.Create((string)e.Key, (string?)e.Value ?? ""))),
            OverrideLayer.FromCommandLine(sets),
        };
        return catalog.Resolve(request.Experiment, request.Scale, layers, Path.GetDirectoryName(catalog.Directory), request.UseDefaultScale);
    }

    /// <summary>The gated rows (final checkpoints), bootstrap chains, then each early-stopping variant's rows.</summary>
    static IReadOnlyList<PgrRow> PgrRows(ExecutedStage evaluate)
    {
        var metrics = evaluate.Output.Metrics;
        var rows = Rows(metrics["summary"]!, "final").ToList();
        // A bootstrap chain reads as its supervisors ("small->mid") teaching its last model.
        rows.AddRange((metrics["summary"]!["bootstrap"]?.AsArray() ?? []).Select(n =>
        {
            var chain = n!["chain"]!.AsArray().Select(m => (string)m!).ToList();
            return WithUncertainty(new PgrRow(string.Join("->", chain[..^1]), chain[^1], (string)n["loss"]!,
                (double)n["weakAcc"]!, (double)n["bootstrapAcc"]!, (double)n["ceilingAcc"]!, (double?)n["pgrMedian"] ?? double.NaN, (int)n["seeds"]!), n);
        }));
        if (metrics["earlyStopping"] is JsonObject variants)
            foreach (var (name, variant) in variants) rows.AddRange(Rows(variant!["summary"]!, name));
        return rows;
    }

    static IEnumerable<PgrRow> Rows(JsonNode summary, string checkpoint) =>
        summary["pairs"]!.AsArray().Select(n => WithUncertainty(new PgrRow(
            (string)n!["weak"]!, (string)n["strong"]!, (string)n["loss"]!,
            (double)n["weakAcc"]!, (double)n["transferAcc"]!, (double)n["ceilingAcc"]!,
            (double?)n["pgrMedian"] ?? double.NaN, (int)n["seeds"]!)
        {
            Agreement = (double?)n["agreement"] ?? double.NaN,
            Checkpoint = checkpoint,
        }, n));

    /// <summary>
    /// The row's ratio-of-means PGR, gain, intervals and error correction as the evaluate stage summarised them
    /// (Evaluation.Uncertainty), and its flags: the SE flags need the test size, the constant-student flag the
    /// students' positive rates; a summary without them (an older evaluate output) leaves them out.
    /// </summary>
    internal static PgrRow WithUncertainty(PgrRow row, JsonNode n)
    {
        var constant = (n["constantStudentSeeds"] as JsonArray)?.Select(s => (int)s!).ToList();
        var flags = Core.Results.Significance.Flags(row.WeakAcc, row.CeilingAcc, (int?)n["testItems"], constant);
        return row with
        {
            PgrRatioOfMeans = (double?)n["pgrRatioOfMeans"] ?? double.NaN,
            PgrCi = Interval(n["pgrCi"]),
            PgrCiNote = (string?)n["pgrCiNote"],
            Gain = (double?)n["gain"] ?? double.NaN,
            GainCi = Interval(n["gainCi"]),
            ErrorCorrection = (double?)n["errorCorrection"] ?? double.NaN,
            Flags = flags,
        };
    }

    static Core.Statistics.Interval? Interval(JsonNode? node) =>
        node is JsonArray { Count: 2 } a ? new Core.Statistics.Interval((double)a[0]!, (double)a[1]!) : null;
}
