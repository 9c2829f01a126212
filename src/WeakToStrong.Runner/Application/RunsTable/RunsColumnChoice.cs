namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>`--columns`: which columns beyond the run's own to keep.</summary>
public static class RunsColumnChoice
{
    /// <summary>
    /// The run columns, then every other column that an entry names exactly or as a prefix ending at a path segment
    /// ("training" keeps "training.lr", "pgr" keeps "pgr w64->minilm/xent" and its bounds), in the table's order.
    /// A PGR column brings its bounds along. No entries: every column.
    /// </summary>
    /// <exception cref="UserError">An entry matches no column; the message lists what there is.</exception>
    public static List<RunsColumn> Select(IReadOnlyList<RunsColumn> columns, IReadOnlyList<string> entries)
    {
        var wanted = entries.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (wanted.Count == 0) return columns.ToList();
        foreach (var entry in wanted.Where(e => !columns.Any(c => Matches(c.Name, e))))
            throw new UserError($"runs: --columns: no column '{entry}'; the columns are: " +
                                        string.Join(", ", columns.Where(c => c.Kind != RunsColumnKind.PgrBound).Select(c => c.Name)));
        var kept = new List<RunsColumn>();
        var keptNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
        {
            bool keep = c.Kind == RunsColumnKind.Run || wanted.Any(e => Matches(c.Name, e))
                        || (c.Kind == RunsColumnKind.PgrBound && keptNames.Contains(c.Name[..^3])); // "<pgr column> lo|hi"
            if (!keep) continue;
            kept.Add(c);
            keptNames.Add(c.Name);
        }
        return kept;
    }

    static bool Matches(string name, string entry) =>
        name == entry || (name.StartsWith(entry, StringComparison.Ordinal) && name.Length > entry.Length && name[entry.Length] is '.' or ' ' or '[' or '/');
}
