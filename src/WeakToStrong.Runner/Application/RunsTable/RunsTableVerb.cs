using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Results;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>
/// `runs --table`: the listed runs' records read once each (no store), filtered by <c>--where</c>, then the run's own
/// columns (its name and tags where any listed run has them), one column per
/// manifest path that differs between the runs left (<see cref="ManifestColumns"/>), per gated metric
/// (<see cref="RunsGates"/>) and per pair and loss: the ratio-of-means PGR and its 95% paired bootstrap interval, the
/// numbers `results` and the PGR table print (<see cref="PairAggregation"/>).
/// </summary>
public static class RunsTableVerb
{
    public static readonly IReadOnlyList<RunsColumn> RunColumns =
    [
        new("run", RunsColumnKind.Run), new("name", RunsColumnKind.Run), new("tags", RunsColumnKind.Run), new("experiment", RunsColumnKind.Run),
        new("scale", RunsColumnKind.Run), new("finished", RunsColumnKind.Run),
    ];

    /// <exception cref="UserError">A --where that is not path=value, or a --sort or --columns naming no column; one line.</exception>
    public static RunsTableResult Run(RunsTableRequest request)
    {
        string directory = Path.GetFullPath(request.RunsDirectory);
        string? only = string.IsNullOrEmpty(request.Experiment) ? null : request.Experiment;
        var filters = request.Where.Select(RunsFilter.Parse).ToList();

        var skipped = new List<RunsSkipped>();
        var runs = new List<LoadedRun>();
        foreach (var summary in RunIndex.List(directory, only))
        {
            if (Load(summary, out string? reason) is { } run) runs.Add(run);
            else skipped.Add(new RunsSkipped(summary.Path, reason!));
        }
        runs = runs.Where(r => filters.All(f => f.Path == RunsFilter.Tag ? r.Record.Tags.Contains(f.Value) : f.Matches(r.Lookup(f.Path)))).ToList();

        var manifestPaths = ManifestColumns.Differing(runs.Select(r => r.Record.Hashed["manifest"]).ToList());
        // The PGR columns in the order pairs first appear; each brings its " lo" and " hi" bound columns.
        var pairs = runs.SelectMany(r => r.Pgr.Keys).Where(k => !k.EndsWith(" lo", StringComparison.Ordinal) && !k.EndsWith(" hi", StringComparison.Ordinal))
            .Distinct().ToList();
        // A gated `pgr` row is the pair's ratio-of-means PGR, which its PGR column already shows under the same name.
        var gated = runs.SelectMany(r => r.Gated.Keys).Distinct().Where(g => !pairs.Contains(g)).Order(StringComparer.Ordinal).ToList();
        // A name or tags column only where some listed run was given one: most tables have neither.
        var columns = RunColumns.Where(c => c.Name is not ("name" or "tags") || runs.Any(r => r.Lookup(c.Name) is not null))
            .Concat(manifestPaths.Select(p => new RunsColumn(p, RunsColumnKind.Manifest)))
            .Concat(gated.Select(g => new RunsColumn(g, RunsColumnKind.Gated)))
            .Concat(pairs.SelectMany(p => new RunsColumn[] { new(p, RunsColumnKind.Pgr), new(p + " lo", RunsColumnKind.PgrBound), new(p + " hi", RunsColumnKind.PgrBound) }))
            .ToList();

        var rows = runs.Select(r => new RunsRow(r.Record.RunKey, r.Summary.Experiment, r.Summary.Path,
            columns.ToDictionary(c => c.Name, c => r.Lookup(c.Name), StringComparer.Ordinal),
            r.Unbounded) { Undefined = r.Undefined }).ToList();
        columns = RunsColumnChoice.Select(columns, request.Columns);
        rows = RunsSort.Apply(rows, columns, request.Sort);
        return new RunsTableResult(directory, only, columns, rows, skipped);
    }

    /// <summary>One readable run: its record, and every value a column or a filter may ask of it.</summary>
    sealed record LoadedRun(RunSummary Summary, RunRecord Record, IReadOnlyDictionary<string, string> Manifest,
        IReadOnlyDictionary<string, double?> Gated, IReadOnlyDictionary<string, double?> Pgr, IReadOnlySet<string> Unbounded)
    {
        public IReadOnlySet<string> Undefined => Pgr.Where(p => p.Value is null && !p.Key.EndsWith(" lo", StringComparison.Ordinal)
            && !p.Key.EndsWith(" hi", StringComparison.Ordinal)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        public object? Lookup(string column) => column switch
        {
            "run" => Record.RunKey,
            "name" => Record.Name,
            "tags" => Record.Tags.Count > 0 ? string.Join(",", Record.Tags) : null,
            "experiment" => Summary.Experiment,
            "scale" => Summary.Scale ?? "as written",
            "finished" => Summary.FinishedAt,
            _ when Gated.TryGetValue(column, out var g) => g,
            _ when Pgr.TryGetValue(column, out var p) => p,
            _ => Manifest.GetValueOrDefault(column),
        };
    }

    static LoadedRun? Load(RunSummary summary, out string? reason)
    {
        reason = null;
        RunRecord record;
        try
        {
            record = RunRecord.Read(summary.Path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            reason = e.Message.ReplaceLineEndings(" ");
            return null;
        }
        var gated = RunsGates.Values(summary).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        var (pgr, unbounded) = RunPgrs.Of(record);
        return new LoadedRun(summary, record, ManifestColumns.Values(record.Hashed["manifest"]), gated, pgr, unbounded);
    }
}
