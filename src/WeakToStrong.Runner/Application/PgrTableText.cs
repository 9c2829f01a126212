using System.Globalization;
using System.Text;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// The run's result as the paper reports it, as a plain-text table: per (weak, strong, loss), accuracies, the
/// performance gap recovered and student–supervisor agreement. Columns are as wide as their widest cell.
/// </summary>
public static class PgrTableText
{
    public static string Render(ReproduceResult result)
    {
        // The checkpoint column appears only when early-stopping variants were reported beside the gated rows.
        bool variants = result.Pgr.Any(r => r.Checkpoint != "final");
        var header = new List<string> { "Weak", "Strong", "Loss" };
        if (variants) header.Add("Checkpoint");
        header.AddRange(["Weak acc", "W2S acc", "Ceiling acc", "PGR", "Agree", "Seeds"]);
        int textColumns = variants ? 4 : 3; // left-aligned; the numbers after them are right-aligned

        var rows = new List<List<string>> { header };
        foreach (var r in result.Pgr)
        {
            var cells = new List<string> { r.Weak, r.Strong, r.Loss };
            if (variants) cells.Add(r.Checkpoint);
            cells.AddRange([F(r.WeakAcc), F(r.TransferAcc), F(r.CeilingAcc), F(r.Pgr), F(r.Agreement), r.Seeds.ToString(CultureInfo.InvariantCulture)]);
            rows.Add(cells);
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToList();

        var text = new StringBuilder($"PGR · run {result.RunKey}\n");
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => c < textColumns ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
