using System.Globalization;
using System.Text;
using WeakToStrong.Runner;

namespace WeakToStrong.Cli.Commands;

static class PgrTableText
{
    public static string Render(IReadOnlyList<PgrRow> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"weak",-12} {"strong",-12} {"loss",-10} {"checkpoint",-14} {"weak",7} {"w2s",7} {"ceiling",7} {"PGR",7} {"agree",7} {"seeds",5}"));
        foreach (var r in rows)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Weak,-12} {r.Strong,-12} {r.Loss,-10} {r.Checkpoint,-14} {r.WeakAcc,7:F4} {r.TransferAcc,7:F4} {r.CeilingAcc,7:F4} {r.Pgr,7:F3} {r.Agreement,7:F3} {r.Seeds,5}"));
        return sb.ToString().TrimEnd();
    }
}
