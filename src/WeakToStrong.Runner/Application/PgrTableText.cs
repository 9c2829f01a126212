using System.Globalization;
using System.Text;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// The run's result as the paper reports it, as a plain-text table: per (weak, strong, loss), accuracies (means over
/// seeds), the performance gap recovered as the ratio of those means with its 95% paired bootstrap interval, the gain
/// w2s − weak with its interval, the student's error-correction rate on the weak model's wrong test items,
/// student–supervisor agreement, and a ⚑ with the reason when the row's PGR is mostly noise (gap or weak model under
/// 5 SE, a constant student). Columns are as wide as their widest cell.
/// </summary>
public static class PgrTableText
{
    public static string Render(ReproduceResult result)
    {
        // The checkpoint column appears only when early-stopping variants were reported beside the gated rows.
        bool variants = result.Pgr.Any(r => r.Checkpoint != "final");
        var header = new List<string> { "Weak", "Strong", "Loss" };
        if (variants) header.Add("Checkpoint");
        header.AddRange(["Weak acc", "W2S acc", "Ceiling acc", "PGR [95% CI]", "Gain [95% CI]", "Err corr", "Agree", "Seeds", "Flag"]);
        int textColumns = variants ? 4 : 3; // left-aligned; the numbers after them are right-aligned

        var rows = new List<List<string>> { header };
        foreach (var r in result.Pgr)
        {
            var cells = new List<string> { r.Weak, r.Strong, r.Loss };
            if (variants) cells.Add(r.Checkpoint);
            cells.AddRange([F(r.WeakAcc), F(r.TransferAcc), F(r.CeilingAcc), PgrCell(r), WithCi(F(r.Gain), r.GainCi, F),
                F(r.ErrorCorrection), F(r.Agreement), r.Seeds.ToString(CultureInfo.InvariantCulture),
                r.Flags.Count > 0 ? "⚑ " + string.Join("; ", r.Flags) : ""]);
            rows.Add(cells);
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToList();

        var text = new StringBuilder($"PGR · run {result.RunKey}\n");
        foreach (var row in rows)
            text.Append(string.Join("  ", row.Select((cell, c) => c < textColumns || c == header.Count - 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    /// <summary>"0.62 [0.41, 0.80]"; "0.62 [unbounded]" when too many resamples had no gap; the point alone without per-item outcomes.</summary>
    static string PgrCell(PgrRow r) =>
        r.PgrCi is null && r.PgrCiNote is not null && !double.IsNaN(r.PgrRatioOfMeans)
            ? F2(r.PgrRatioOfMeans) + " [unbounded]"
            : WithCi(F2(r.PgrRatioOfMeans), r.PgrCi, F2);

    static string WithCi(string point, Core.Statistics.Interval? ci, Func<double, string> format) =>
        ci is null || point == "n/a" ? point : $"{point} [{format(ci.Lo)}, {format(ci.Hi)}]";

    static string F(double value) => double.IsNaN(value) ? "n/a" : Clean(value.ToString("0.000", CultureInfo.InvariantCulture));

    static string F2(double value) => double.IsNaN(value) ? "n/a" : Clean(value.ToString("0.00", CultureInfo.InvariantCulture));

    /// <summary>"-0.000" reads as a sign that is not there.</summary>
    static string Clean(string text) => text.TrimStart('-').All(c => c is '0' or '.') ? text.TrimStart('-') : text;
}
