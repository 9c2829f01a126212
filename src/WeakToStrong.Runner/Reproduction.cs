using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using TorchSharp;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Data.Cache;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Executors.Processes;
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
        int threads = ThreadCount.Resolve(request.Threads, request.Processes?.Jobs ?? 1);
        torch.set_num_threads(threads); // pinned: a different thread count changes the bits (docs/architecture.md §9)

        string storeRoot = ContentStore.RootFrom(request.StoreRoot);
        var store = new ContentStore(storeRoot);
        var sources = new SourceCache(storeRoot);
        progress.Info($"{plan.Stages.Count} stages, {threads} threads, store {store.Root}");

        IReadOnlyList<ExecutedStage> executed;
        SlurmRun? slurm = null;
        string? processesPlan = null;
        if (request.Slurm is { } options)
        {
            // The same stages, computed by Slurm jobs on the same store and read back from it (docs/cluster.md).
            slurm = await SlurmExecutor.RunAsync(plan, store, threads, request.Device, options, progress, ct);
            if (slurm.Stages is null)
                return new ReproduceResult("", "", []) { Detached = new DetachedSubmission(slurm.Jobs.Count, slurm.Submitted.Count, slurm.PlanFile!) };
            executed = slurm.Stages;
        }
        else if (request.Processes is { Jobs: > 1 } processes)
        {
            // The same stages, each in a process of its own, up to --jobs at once, at the thread count recorded below.
            (executed, processesPlan) = await ProcessExecutor.RunAsync(plan, store, sources, threads, request.Device, processes, progress, ct);
        }
        else
        {
            executed = await new PlanExecutor(store, sources, request.Device, progress).RunAsync(plan, ct);
        }
        // Provenance only: how it ran never changes the run key.
        var executor = slurm is not null ? new ExecutorInfo("slurm", slurm.PlanFile, slurm.Jobs)
            : processesPlan is not null ? ExecutorInfo.Local with { Plan = processesPlan, Processes = request.Processes!.Jobs }
            : ExecutorInfo.Local;
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
        var output = EvaluateJson.Output(evaluate.Output.Metrics, $"stage {evaluate.Stage.Id}");
        var rows = Rows(output.Summary, "final").ToList();
        // A bootstrap chain reads as its supervisors ("small->mid") teaching its last model.
        rows.AddRange((output.Summary.Bootstrap ?? []).Select(c => WithUncertainty(new PgrRow(string.Join("->", c.Chain.Take(c.Chain.Count - 1)),
            c.Chain[^1], c.Loss, c.WeakAcc, c.BootstrapAcc, c.CeilingAcc, c.PgrMedian ?? double.NaN, c.Seeds), c)));
        foreach (var (name, variant) in output.EarlyStopping ?? new Dictionary<string, EvaluateVariant>())
            rows.AddRange(Rows(variant.Summary, name));
        return rows;
    }

    static IEnumerable<PgrRow> Rows(EvaluateSummary summary, string checkpoint) =>
        summary.Pairs.Select(p => WithUncertainty(new PgrRow(p.Weak, p.Strong, p.Loss, p.WeakAcc, p.TransferAcc, p.CeilingAcc,
            p.PgrMedian ?? double.NaN, p.Seeds)
        {
            Agreement = p.Agreement ?? double.NaN,
            Checkpoint = checkpoint,
        }, p));

    /// <summary>
    /// The row's ratio-of-means PGR, gain, intervals and error correction as the evaluate stage summarised them
    /// (Evaluation.WithUncertainty), and its flags: the SE flags need the test size, the constant-student flag the
    /// students' positive rates; a summary without them (an older evaluate output) leaves them out.
    /// </summary>
    internal static PgrRow WithUncertainty(PgrRow row, PgrUncertainty u) => row with
    {
        PgrRatioOfMeans = u.PgrRatioOfMeans ?? double.NaN,
        PgrCi = Interval(u.PgrCi),
        PgrCiNote = u.PgrCiNote,
        Gain = u.Gain ?? double.NaN,
        GainCi = Interval(u.GainCi),
        ErrorCorrection = u.ErrorCorrection ?? double.NaN,
        Flags = Core.Results.Significance.Flags(row.WeakAcc, row.CeilingAcc, u.TestItems, u.ConstantStudentSeeds),
    };

    static Core.Statistics.Interval? Interval(IReadOnlyList<double>? ci) =>
        ci is { Count: 2 } ? new Core.Statistics.Interval(ci[0], ci[1]) : null;
}
