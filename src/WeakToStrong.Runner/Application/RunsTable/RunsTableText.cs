using System.Text;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>`runs --table` as aligned text (numbers right-aligned) and as a Markdown table (`--md`).</summary>
public static class RunsTableText
{
    public static string Text(RunsTableResult table)
    {
        if (table.Rows.Count == 0) return Empty(table);
        var columns = RunsCells.Shown(table);
        var cells = table.Rows.Select(r => columns.Select(c => RunsCells.Text(r, c)).ToList()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Name.Length, cells.Max(row => row[i].Length))).ToList();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> values) => sb.Append(string.Join("  ", values.Select((v, i) =>
            columns[i].Numeric ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd()).Append('\n');
        Line(columns.Select(c => c.Name).ToList());
        foreach (var row in cells) Line(row);
        return sb.Append(Footer(table)).ToString();
    }

    public static string Markdown(RunsTableResult table)
    {
        if (table.Rows.Count == 0) return Empty(table);
        var columns = RunsCells.Shown(table);
        var sb = new StringBuilder();
        sb.Append("| ").Append(string.Join(" | ", columns.Select(c => Escape(c.Name)))).Append(" |\n");
        sb.Append('|').Append(string.Concat(columns.Select(c => c.Numeric ? "---:|" : "---|"))).Append('\n');
        foreach (var row in table.Rows)
            sb.Append("| ").Append(string.Join(" | ", columns.Select(c => Escape(RunsCells.Text(row, c))))).Append(" |\n");
        return sb.Append(Footer(table)).ToString();
    }

    static string Empty(RunsTableResult table) => (table.Experiment is null
        ? $"No runs recorded under {table.RunsDirectory}.\n"
        : $"No runs of '{table.Experiment}' recorded under {table.RunsDirectory}.\n") + Skipped(table);

    static string Footer(RunsTableResult table) =>
        $"{table.Rows.Count} run{(table.Rows.Count == 1 ? "" : "s")}; manifest columns: the paths at which they differ\n" + Skipped(table);

    static string Skipped(RunsTableResult table) => string.Concat(table.Skipped.Select(s => $"skipped {s.RecordPath}: {s.Reason}\n"));

    static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
