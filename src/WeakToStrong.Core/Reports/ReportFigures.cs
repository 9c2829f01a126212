using System.Text;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Reports;

public enum FigureKind
{
    /// <summary>Fig. 3: test accuracy vs strong-model size, one figure per weak model.</summary>
    AccuracyVsSize,
    /// <summary>Fig. 4–5: PGR per (weak, strong) and loss, with the pooled median per loss.</summary>
    Pgr,
    /// <summary>Fig. 7: ground-truth test accuracy during transfer, best and final marked.</summary>
    TransferCurve,
    /// <summary>§4.3.1: each bootstrap chain's PGR beside the direct transfer's.</summary>
    Bootstrap,
    /// <summary>Training loss over the steps of every stage of one kind (<see cref="ReportFigure.Panel"/>: the kind).</summary>
    TrainingLoss,
}

/// <summary>One figure of a report: what it plots (<see cref="Panel"/>: the weak model of a Fig. 3 panel), its file stem
/// (<c>&lt;stem&gt;.png</c>, <c>&lt;stem&gt;.svg</c>), title and caption.</summary>
public sealed record ReportFigure(FigureKind Kind, string Stem, string Title, string Caption, string? Panel = null);

/// <summary>The figures a report has, in the order it shows them: only those the record has numbers for.</summary>
public static class ReportFigures
{
    public static IReadOnlyList<ReportFigure> Of(RunReport report)
    {
        var figures = new List<ReportFigure>();
        foreach (var panel in report.Size.Where(p => p.Series.Any(s => s.Points.Count > 0)))
            figures.Add(new ReportFigure(FigureKind.AccuracyVsSize, $"fig3-accuracy-vs-size-{Safe(panel.Weak)}",
                $"Test accuracy vs strong-model size, weak supervisor {panel.Weak}",
                $"Fig. 3 style. x: parameters of the strong model's body (log scale); y: test accuracy, mean over seeds, bars ± SE over seeds. " +
                $"Dashed: the weak model {panel.Weak} itself; black: the strong ceiling (trained on ground truth); colours: the strong student trained on {panel.Weak}'s labels, per loss.",
                panel.Weak));
        if (report.Task.Pairs.Count > 0)
            figures.Add(new ReportFigure(FigureKind.Pgr, "fig4-pgr", "Performance gap recovered per pair and loss", report.HasIntervals
                ? "Fig. 4–5 style. Bars: each (weak → strong) pair's PGR as the ratio of the means over seeds, (mean w2s − mean weak) / (mean ceiling − mean weak), per loss; " +
                  $"black whiskers: its {PgrBootstrap.Level:0%} paired bootstrap interval ({PgrBootstrap.Resamples} resamples of seeds, then test items), " +
                  "cut at the plot's edge with a ▲ or ▼ where it runs off it (the table has its bounds); \"CI unbounded\" where over 2.5% of resamples had ceiling ≤ weak. " +
                  "Open circles: the median of the per-seed PGRs. " +
                  "Dashed lines: the pooled median per loss over unflagged pairs (of the per-seed medians). " +
                  "Pale bars are flagged (gap or weak model under 5 SE, a constant student, a seed without a PGR: the reasons are in the table): shown, not pooled."
                : "Fig. 4–5 style. Bars: each (weak → strong) pair's median PGR over seeds, per loss; black diamonds and whiskers: the mean ± SE over seeds. " +
                  "Dashed lines: the pooled median per loss over unflagged pairs. Pale bars are flagged (gap or weak model under 5 SE): shown, not pooled."));
        if (report.HasSchedule)
            figures.Add(new ReportFigure(FigureKind.TransferCurve, "fig7-accuracy-during-transfer", "Ground-truth test accuracy during transfer",
                $"Fig. 7 style. Test accuracy of the strong student at each evaluation (every {report.Input.EvalEvery} steps), mean over seeds; " +
                "▲ the best point (what ground-truth early stopping would keep), ● the final checkpoint (the gated number)."));
        if (report.Task.Chains.Count > 0)
            figures.Add(new ReportFigure(FigureKind.Bootstrap, "fig-bootstrap-vs-direct", "Bootstrapping chains beside direct transfer",
                "§4.3.1 style. Per chain and loss: the chain's PGR (weak → intermediate → strong) and the direct weak → strong transfer's, " +
                "against the same baselines; bars the median over seeds, black diamonds and whiskers the mean ± SE over seeds."));
        var panels = report.Input.LossCurves.Select(c => c.Panel).ToHashSet(StringComparer.Ordinal);
        foreach (string kind in TrainingKinds)
        foreach (string panel in new[] { kind, kind + "-probe" }.Where(panels.Contains))
            figures.Add(new ReportFigure(FigureKind.TrainingLoss, $"fig-training-loss-{panel}",
                panel == kind ? $"Training loss of the {kind} stages" : $"Training loss of the {kind} stages (linear probes)",
                kind == "pretrain"
                    ? "The language-model loss (nats per token) over the pretraining steps, each point the mean over a bucket of steps."
                    : $"The training loss of every {kind} stage {(panel == kind ? "" : "that trains a linear probe on frozen features ")}over its optimiser steps, each point the mean over a bucket of steps " +
                      "(at most 50 points); one colour per model (students: per pair and loss), one line per seed. " +
                      "Dashed: ln 2, the loss of predicting 50/50 on every item; a line that stays there has learned nothing " +
                      (kind is "transfer" or "bootstrap" ? "(a student's soft-label loss cannot go below the entropy of its labels, so it sits above 0 even when it fits them)." : "."),
                panel));
        return figures;
    }

    /// <summary>The stage kinds that train, in the order a run computes them.</summary>
    public static readonly IReadOnlyList<string> TrainingKinds = ["pretrain", "weak", "ceiling", "transfer", "bootstrap"];

    /// <summary>A model name as a file name: lower-case letters, digits and '-' only.</summary>
    public static string Safe(string name)
    {
        var sb = new StringBuilder();
        foreach (char c in name.ToLowerInvariant()) sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        return sb.ToString();
    }
}
