using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Core.Evaluate;

namespace WeakToStrong.Provenance.Records;

/// <summary>
/// A run's lock-like record (DVC's dvc.lock, content-addressed): a <see cref="Hashed"/> part — resolved manifest and
/// its hash, seeds, every stage's key, inputs, outputs and metrics, code identity — and its unhashed
/// <see cref="Executions"/> — times, host, threads, git state of every execution, oldest first. <see cref="RunKey"/> =
/// sha256 of the canonical JSON (RFC 8785) of the hashed part, so two runs that computed the same bits share a key
/// wherever they ran, and a re-run appends its execution to the record rather than replacing it (<see cref="RunHistory"/>).
/// The file format is <see cref="RunRecordSchema"/>'s.
/// </summary>
public sealed class RunRecord
{
    public const int FormatVersion = RunRecordSchema.FormatVersion;

    public JsonObject Hashed { get; }

    /// <summary>Every execution of this run, oldest first: never empty.</summary>
    public IReadOnlyList<RunExecution> Executions { get; }

    public RunRecord(JsonObject hashed, IReadOnlyList<RunExecution> executions)
    {
        if (executions.Count == 0) throw new ArgumentException("a run record has at least one execution", nameof(executions));
        Hashed = hashed;
        Executions = executions;
        _stages = new Lazy<IReadOnlyList<RecordedStage>>(() =>
        {
            try
            {
                return RecordedStage.ParseAll(Hashed);
            }
            catch (InvalidDataException e) when (SourcePath is not null)
            {
                throw new InvalidDataException($"{SourcePath}: not a readable run record ({e.Message})", e);
            }
        });
        _summary = new Lazy<EvaluateSummary?>(() => Hashed["metrics"]?["summary"] is { } summary
            ? EvaluateJson.Summary(summary, SourcePath ?? "run record " + RunKey[..12])
            : null);
    }

    readonly Lazy<IReadOnlyList<RecordedStage>> _stages;
    readonly Lazy<EvaluateSummary?> _summary;

    /// <summary>The file this record was read from (<see cref="RunRecordSchema.Parse"/>); null for one built in memory.</summary>
    public string? SourcePath { get; init; }

    /// <summary>
    /// The hashed part's stages, typed (<see cref="RecordedStage"/>), in record order, checked on first use: the one
    /// reading of them that audit, status, gc, diff and the gate share.
    /// </summary>
    /// <exception cref="InvalidDataException">A malformed stage: one line naming the file, the stage and the field.</exception>
    public IReadOnlyList<RecordedStage> Stages => _stages.Value;

    /// <summary>
    /// The evaluate stage's summary the record keeps (<c>metrics.summary</c>), typed by the schema its writer uses
    /// (Core's <see cref="EvaluateSummary"/>), checked on first use; null for a record without one.
    /// </summary>
    /// <exception cref="InvalidDataException">A malformed summary: one line naming the file and the field.</exception>
    public EvaluateSummary? Summary => _summary.Value;

    public RunRecord(JsonObject hashed, RunExecution execution) : this(hashed, [execution]) { }

    /// <summary>A record of one execution given in format 1's `provenance` shape (how tests and fixtures build one).</summary>
    public RunRecord(JsonObject hashed, JsonObject provenance) : this(hashed, RunRecordSchema.Execution(provenance)) { }

    public string RunKey => ContentKey.Of(Hashed);

    public string Experiment => (string)Hashed["experiment"]!;

    /// <summary>The execution that computed the numbers (or first recorded them): who, when, where, how long.</summary>
    public RunExecution First => Executions[0];

    /// <summary>The newest execution.</summary>
    public RunExecution Latest => Executions[^1];

    /// <summary>Executions after the first: re-runs of the same computation.</summary>
    public int Reexecutions => Executions.Count - 1;

    /// <summary>The run's name: the newest execution's that has one (a re-run may rename it); null when never named.</summary>
    public string? Name => Executions.Select(e => e.Name).LastOrDefault(n => n is not null);

    /// <summary>Every tag any execution gave the run, in the order they were first given.</summary>
    public IReadOnlyList<string> Tags => Executions.SelectMany(e => e.Tags ?? []).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The newest execution as JSON, in format 1's `provenance` shape.</summary>
    public JsonObject Provenance => RunRecordSchema.ToJson(Latest);

    /// <summary>Appends this record's executions to the file for its run key (creating it) and returns its path (<see cref="RunHistory.Append"/>).</summary>
    public string Write(string runsDirectory) => RunHistory.Append(runsDirectory, this).Path;

    /// <summary>Reads a record and checks that its stated run key is the hash of its hashed part.</summary>
    /// <exception cref="InvalidDataException">Not a run record, or edited; one line that starts with the path.</exception>
    public static RunRecord Read(string path)
    {
        var file = RunRecordSchema.Read(path);
        return file.IntegrityProblem is null
            ? file.Record
            : throw new InvalidDataException($"{path}: stated run key {file.StatedKey} does not match its hashed part ({file.Record.RunKey}): the record was edited");
    }
}
