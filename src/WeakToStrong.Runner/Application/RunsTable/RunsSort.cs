using System.Globalization;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>`--sort column[:desc]`: rows ordered by one column, numbers as numbers, runs without a value last either way; ties keep finish order.</summary>
public static class RunsSort
{
    /// <exception cref="UserError">The column is not in the table; the message lists what there is.</exception>
    public static List<RunsRow> Apply(IReadOnlyList<RunsRow> rows, IReadOnlyList<RunsColumn> columns, string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort)) return rows.ToList();
        bool descending = sort.EndsWith(":desc", StringComparison.Ordinal);
        string name = (descending ? sort[..^5] : sort.EndsWith(":asc", StringComparison.Ordinal) ? sort[..^4] : sort).Trim();
        if (!columns.Any(c => c.Name == name))
            throw new UserError($"runs: --sort: no column '{name}'; the columns are: {string.Join(", ", columns.Select(c => c.Name))}");

        var present = rows.Where(r => r.Cells.GetValueOrDefault(name) is not null).ToList();
        var missing = rows.Where(r => r.Cells.GetValueOrDefault(name) is null);
        // A manifest column sorts as numbers when every value there is one (training.lr), else as canonical text.
        bool numeric = present.All(r => Number(r.Cells[name]) is not null);
        var ordered = numeric
            ? (descending ? present.OrderByDescending(r => Number(r.Cells[name])!.Value) : present.OrderBy(r => Number(r.Cells[name])!.Value))
            : (descending ? present.OrderByDescending(r => r.Cells[name]!.ToString(), StringComparer.Ordinal) : present.OrderBy(r => r.Cells[name]!.ToString(), StringComparer.Ordinal));
        return ordered.Concat(missing).ToList();
    }

    static double? Number(object? value) => value switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) => v,
        _ => null,
    };
}
