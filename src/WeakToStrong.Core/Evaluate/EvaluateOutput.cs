using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Evaluate;

/// <summary>
/// The evaluate stage's output (`pgr.json`, also its metrics): every run's accuracies and PGR, the summary the run
/// record keeps (<see cref="EvaluateSummary"/>), the bootstrap chains' runs, and each early-stopping variant's own runs
/// and summary. The one schema of that document: Runner's Evaluation writes it, and every reader (the terminal table,
/// the gate, the audit, results, reports) reads it through <see cref="EvaluateJson"/> (DVC's dvc/schema.py).
/// </summary>
public sealed record EvaluateOutput
{
    public required IReadOnlyList<RunRow> Runs { get; init; }

    public required EvaluateSummary Summary { get; init; }

    /// <summary>Per chain, loss and seed (paper §4.3.1); absent for a manifest without chains.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChainRunRow>? Bootstrap { get; init; }

    /// <summary>Variant name → the runs and summary as that early-stopping rule sees them; absent when none was asked for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, EvaluateVariant>? EarlyStopping { get; init; }
}

/// <summary>One early-stopping variant's runs and summary (point estimates only: per-item outcomes are the final checkpoint's).</summary>
public sealed record EvaluateVariant(IReadOnlyList<RunRow> Runs, EvaluateSummary Summary);
