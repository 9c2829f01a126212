using System.Globalization;
using System.Text;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>
/// `runs --table --csv` (RFC 4180): every column, the PGR bounds as columns of their own, the whole run key, numbers
/// in round-trip form ("R": parsing the text gives the same double), manifest values as canonical JSON, empty where a
/// run has no value. Skipped records are not in it (a spreadsheet would read a note as a row); text and JSON list them.
/// </summary>
public static class RunsTableCsv
{
    public static string Csv(RunsTableResult table)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', table.Columns.Select(c => Field(c.Name)))).Append("\r\n");
        foreach (var row in table.Rows)
            sb.Append(string.Join(',', table.Columns.Select(c => Field(Value(row.Cells.GetValueOrDefault(c.Name)))))).Append("\r\n");
        return sb.ToString();
    }

    static string Value(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
