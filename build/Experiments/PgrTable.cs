using System.Globalization;
using Spectre.Console;
using WeakToStrong.Runner;

namespace WeakToStrong.Build.Experiments;

/// <summary>The run's result as the paper reports it: per (weak, strong, loss), accuracies and the performance gap recovered.</summary>
public static class PgrTable
{
    public static Table Build(ReproduceResult result, TableBorder border)
    {
        var table = new Table().Border(border).Title($"PGR · run {Markup.Escape(result.RunKey)}")
            .AddColumn("Weak").AddColumn("Strong").AddColumn("Loss")
            .AddColumn(Right("Weak acc")).AddColumn(Right("W2S acc")).AddColumn(Right("Ceiling acc"))
            .AddColumn(Right("PGR")).AddColumn(Right("Seeds"));
        foreach (var row in result.Pgr)
            table.AddRow(Markup.Escape(row.Weak), Markup.Escape(row.Strong), Markup.Escape(row.Loss),
                F(row.WeakAcc), F(row.TransferAcc), F(row.CeilingAcc), F(row.Pgr), row.Seeds.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    static TableColumn Right(string header) => new TableColumn(header).RightAligned();

    static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
