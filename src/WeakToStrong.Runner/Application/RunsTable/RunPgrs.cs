using System.Globalization;
using System.Text.Json;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Core.Results;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>
/// A run's PGR columns: "pgr weak->strong/loss" → the pair's ratio-of-means PGR, " lo" and " hi" → its 95% interval's
/// bounds, and the pairs whose interval is unbounded. A record without an evaluate stage (a run that stopped early) has
/// none: its row shows its manifest and gated values.
/// </summary>
public static class RunPgrs
{
    /// <summary>
    /// Read from the summary the evaluate stage recorded (its pairs carry the same paired bootstrap, Core's PgrBootstrap)
    /// where the record has one, so that listing runs, and runs/index.html after every reproduce, does not resample
    /// every record's test items again; recomputed from the record's stages otherwise (<see cref="Computed"/>).
    /// `RunPgrsTests` holds the two to the same values, order and flags on every committed record.
    /// </summary>
    public static (Dictionary<string, double?> Values, HashSet<string> Unbounded) Of(RunRecord record)
    {
        EvaluateSummary? summary;
        try
        {
            summary = record.Summary;
        }
        catch (InvalidDataException)
        {
            summary = null;
        }
        return summary is not null && Recorded(summary) ? FromSummary(summary) : Computed(record);
    }

    /// <summary>Whether the summary carries the evaluate stage's ratio-of-means PGR and interval for every pair: records
    /// made before the stage recorded them have its pairs without their test size.</summary>
    public static bool Recorded(EvaluateSummary summary) => summary.Pairs.Count > 0 && summary.Pairs.All(p => p.TestItems is not null);

    public static (Dictionary<string, double?> Values, HashSet<string> Unbounded) FromSummary(EvaluateSummary summary)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        var unbounded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in summary.Pairs)
        {
            string name = Name(p.Weak, p.Strong, p.Loss);
            values[name] = p.PgrRatioOfMeans is { } v && double.IsFinite(v) ? v : null;
            values[name + " lo"] = p.PgrCi?[0];
            values[name + " hi"] = p.PgrCi?[1];
            if (p.PgrCi is null && p.PgrCiNote is not null && values[name] is not null) unbounded.Add(name);
        }
        return (values, unbounded);
    }

    /// <summary>The same columns recomputed from the record's stages (the results report's own aggregation).</summary>
    public static (Dictionary<string, double?> Values, HashSet<string> Unbounded) Computed(RunRecord record)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        var unbounded = new HashSet<string>(StringComparer.Ordinal);
        TaskResult task;
        try
        {
            task = TaskResult.Of(ResultRecords.FromRecord(record));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or KeyNotFoundException
                                      or ArgumentException or JsonException)
        {
            return (values, unbounded);
        }
        foreach (var p in task.Pairs)
        {
            string name = Name(p.Weak, p.Strong, p.Loss);
            var b = p.Bootstrap?.Summary;
            values[name] = p.PgrRatioOfMeans is { } v && double.IsFinite(v) ? v : null;
            values[name + " lo"] = b?.PgrCi?.Lo;
            values[name + " hi"] = b?.PgrCi?.Hi;
            if (b is { PgrCi: null } && values[name] is not null) unbounded.Add(name);
        }
        return (values, unbounded);
    }

    static string Name(string weak, string strong, string loss) => string.Create(CultureInfo.InvariantCulture, $"pgr {weak}->{strong}/{loss}");
}
