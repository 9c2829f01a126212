using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Runner;

/// <summary>What a user asks `Reproduce` for; bound from the build host's parameters or the w2s tool's options.</summary>
public sealed record ReproduceRequest
{
    /// <summary>The experiment id: the manifest file name under <see cref="ExperimentsDirectory"/> without `.json`.</summary>
    public required string Experiment { get; init; }
    public required string ExperimentsDirectory { get; init; }
    /// <summary>A scale the manifest declares (smoke, gate, cpu, paper); null means the manifest's `defaultScale`.</summary>
    public string? Scale { get; init; }
    /// <summary>
    /// False: a null <see cref="Scale"/> means the manifest as written, ignoring its `defaultScale` (an audit or
    /// replay of a run recorded without a scale). Both front-ends leave it true.
    /// </summary>
    public bool UseDefaultScale { get; init; } = true;
    public string Device { get; init; } = "cpu";
    /// <summary>Seeds to run; empty means the manifest's own.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [];
    /// <summary>`path=value` overrides (`--set training.epochs=1`), applied last.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];
    /// <summary>Root of the content store and caches; null means the user's cache folder.</summary>
    public string? StoreRoot { get; init; }
    /// <summary>Where run records go (`runs/&lt;experiment&gt;/&lt;runKey&gt;.json`).</summary>
    public required string RunsDirectory { get; init; }
    public int? Threads { get; init; }
    public string CommandLine { get; init; } = "";

    /// <summary>`--name`: what the run is called in `runs --table` and runs/index.html (provenance, not hashed; <see cref="RunLabels"/>).</summary>
    public string? Name { get; init; }

    /// <summary>`--tag`, repeatable: labels to filter runs by (`runs --table --where tag=…`); provenance, not hashed.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>`--executor slurm`: submit the stages as Slurm jobs (docs/cluster.md); null runs them here.</summary>
    public Executors.Slurm.SlurmOptions? Slurm { get; init; }
    /// <summary>`--jobs N`, N above 1: up to N stages at once, each in its own process (docs/speed.md); null runs one at a time here.</summary>
    public Executors.Processes.ProcessOptions? Processes { get; init; }
}

/// <summary>A `--detach`ed Slurm submission: its jobs are queued; the same `reproduce` again collects the run.</summary>
public sealed record DetachedSubmission(int Jobs, int Submitted, string PlanFile);

/// <summary>What a finished reproduction reports back to its caller.</summary>
public sealed record ReproduceResult(string RunKey, string RecordPath, IReadOnlyList<PgrRow> Pgr)
{
    /// <summary>The run report's folder (Application's ReportVerb), written after the record; null when none was written.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>Why no report was written (no font for the figures, say): the run and its record stand without it.</summary>
    public string? ReportError { get; init; }

    /// <summary>Set when the run was submitted to Slurm with --detach: no record yet (RunKey and RecordPath are empty).</summary>
    public DetachedSubmission? Detached { get; init; }
}

/// <summary>
/// One row of the summary table: a (weak, strong, loss) pair over its seeds, at the final checkpoints or (rows
/// after the gated ones) at an early-stopping variant's. <see cref="Pgr"/> is the median of per-seed PGRs (the
/// reference's); <see cref="PgrRatioOfMeans"/> and <see cref="Gain"/> are what the table shows, with their 95% paired
/// bootstrap intervals. Agreement is the student's with its supervisor on test. A value not measured is NaN (an
/// interval null).
/// </summary>
public sealed record PgrRow(string Weak, string Strong, string Loss, double WeakAcc, double TransferAcc, double CeilingAcc, double Pgr, int Seeds)
{
    public double Agreement { get; init; } = double.NaN;

    /// <summary>(mean w2s − mean weak) / (mean ceiling − mean weak) over seeds.</summary>
    public double PgrRatioOfMeans { get; init; } = double.NaN;

    /// <summary>Null without per-item outcomes, or (with <see cref="PgrCiNote"/> saying why) when the interval is unbounded.</summary>
    public Interval? PgrCi { get; init; }

    public string? PgrCiNote { get; init; }

    /// <summary>Mean w2s − mean weak accuracy.</summary>
    public double Gain { get; init; } = double.NaN;

    public Interval? GainCi { get; init; }

    /// <summary>P(student right | weak wrong), pooled over the seeds' test items.</summary>
    public double ErrorCorrection { get; init; } = double.NaN;

    /// <summary>Why the row's PGR should not be read as a finding (Core's Significance.Flags); empty when it may.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>"final" (gated), or the early-stopping variant the accuracies were read at.</summary>
    public string Checkpoint { get; init; } = "final";
}
