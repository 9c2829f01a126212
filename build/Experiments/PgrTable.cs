using System.Globalization;
using Spectre.Console;
using WeakToStrong.Runner;

namespace WeakToStrong.Build.Experiments;

/// <summary>The run's result as the paper reports it: per (weak, strong, loss), accuracies, the performance gap recovered and student–supervisor agreement.</summary>
public static class PgrTable
{
    public static Table Build(ReproduceResult result, TableBorder border)
    {
        // The checkpoint column appears only when early-stopping variants were reported beside the gated rows.
        bool variants = result.Pgr.Any(r => r.Checkpoint != "final");
        var table = new Table().Border(border).Title($"PGR · run {Markup.Escape(result.RunKey)}")
            .AddColumn("Weak").AddColumn("Strong").AddColumn("Loss");
        if (variants) table.AddColumn("Checkpoint");
        table.AddColumn(Right("Weak acc")).AddColumn(Right("W2S acc")).AddColumn(Right("Ceiling acc"))
            .AddColumn(Right("PGR")).AddColumn(Right("Agree")).AddColumn(Right("Seeds"));
        foreach (var row in result.Pgr)
        {
            var cells = new List<string> { Markup.Escape(row.Weak), Markup.Escape(row.Strong), Markup.Escape(row.Loss) };
            if (variants) cells.Add(Markup.Escape(row.Checkpoint));
            cells.AddRange([F(row.WeakAcc), F(row.TransferAcc), F(row.CeilingAcc), F(row.Pgr), F(row.Agreement), row.Seeds.ToString(CultureInfo.InvariantCulture)]);
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
