using System.Security.Cryptography;
using WeakToStrong.Core.Reports;
using WeakToStrong.Reports;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>`report` over real run records in a temporary runs/: what it writes, where, and that it writes the same bytes again.</summary>
public sealed class ReportVerbTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-report-").FullName;
    string Runs => Path.Combine(root, "runs");

    public void Dispose() => Directory.Delete(root, recursive: true);

    ReportResult Report(string run, string? output = null) => ReportVerb.Run(new ReportRequest { RunsDirectory = Runs, Run = run, OutputDirectory = output });

    [Fact]
    public void A_report_goes_beside_the_record_with_markdown_html_and_each_figure_as_png_and_svg()
    {
        ReportRecordFixtures.BrownGenre(Runs);

        var result = Report("79a98310");

        Assert.Equal(Path.Combine(Runs, "brown-genre", "reports", ReportRecordFixtures.BrownGenreKey), result.Directory);
        Assert.Equal(["report.md", "report.html",
            "fig3-accuracy-vs-size-w64.png", "fig3-accuracy-vs-size-w64.svg", "fig3-accuracy-vs-size-w128.png", "fig3-accuracy-vs-size-w128.svg",
            "fig4-pgr.png", "fig4-pgr.svg", "fig-bootstrap-vs-direct.png", "fig-bootstrap-vs-direct.svg"], result.Files);
        Assert.Equal(result.Files.Order(), Directory.GetFiles(result.Directory).Select(Path.GetFileName).Order());
        Assert.Single(WeakToStrong.Provenance.Records.RunIndex.List(Runs)); // the report folder is not listed as a run
    }

    [Fact]
    public void Rendering_the_same_record_again_gives_identical_bytes_and_rewrites_nothing()
    {
        string record = ReportRecordFixtures.BrownGenre(Runs);
        var first = Report(ReportRecordFixtures.BrownGenreKey);
        var before = first.Files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(first.Directory, f)));

        var again = Report(record); // by path this time
        var inProcess = ReportRenderer.Render(RunReport.Of(ReportRecords.Read(record).Input));

        Assert.Equal(first.Files.Count, first.Written.Count);
        Assert.Empty(again.Written);
        Assert.All(inProcess, f => Assert.True(before[f.Name].AsSpan().SequenceEqual(f.Bytes), $"{f.Name} differs on a second render"));
    }

    /// <summary>
    /// The pinned bytes of the report of an old record: a change to the report's text, numbers, layout, fonts or the
    /// renderer shows here. The text files (Markdown, HTML, SVG) depend only on this code, the font file and
    /// ScottPlot/SkiaSharp's versions; PNG bytes also depend on Skia's rasteriser, which is pinned with the natives
    /// (3.119.0), so they are pinned too (measured identical across processes on this machine). If this test fails
    /// after a deliberate change, look at the figures, then update the hashes. The record predates per-item outcomes:
    /// its figures are those it had before the report showed intervals (only the pair table's new columns changed
    /// report.md and report.html).
    /// </summary>
    [Fact]
    public void The_report_of_an_old_record_is_pinned_byte_for_byte()
    {
        ReportRecordFixtures.BrownGenre(Runs);
        var result = Report("79a98310");

        var hashes = result.Files.ToDictionary(f => f, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(result.Directory, f)))));

        Assert.Equal(new Dictionary<string, string>
        {
            ["report.md"] = "7adaabaa23a31cfc2be6ccc34337d18df39783b10d27dbb120dd30c030294b43",
            ["report.html"] = "661ed292ad50e52c3ad73b8b89e8f601ec09e9211d0d393452915db9cb68a6cb",
            ["fig3-accuracy-vs-size-w64.svg"] = "68bf58ce6d5ccc63d356b33892fd584fe43c6b621fbe6f820c0030211e26be96",
            ["fig3-accuracy-vs-size-w64.png"] = "6b33669a76a8ad471376aa266faa02bfa5fb371317adf0d42f3ee9d9b4c9eec7",
            ["fig3-accuracy-vs-size-w128.svg"] = "175efc26a676a43b703657ead845ce33dea034b476e636f44f13cf7161f3f4e7",
            ["fig3-accuracy-vs-size-w128.png"] = "528967021715d7ca4326e50f714639647862b71df11484db242312e9e5040384",
            ["fig4-pgr.svg"] = "a9d5fa96497ec4ff278c8131ce235ed75743c98d4f0df7e52abc5cf2363a619b",
            ["fig4-pgr.png"] = "279b963aa3865726c582372a7064c6f6bdab68e2ab216ffe52717d9b15ef020e",
            ["fig-bootstrap-vs-direct.svg"] = "9e90ae092a5fc65e950d355e679e2a843e52b64cfe12d103438ac4ed45360150",
            ["fig-bootstrap-vs-direct.png"] = "b59944622da1c8658151a883033be7326f5638a24430f9ed7eb691e5018db881",
        }.OrderBy(p => p.Key), hashes.OrderBy(p => p.Key));
    }

    [Fact]
    public void A_record_with_per_item_outcomes_reports_each_pairs_ratio_of_means_pgr_with_its_interval_gain_error_correction_and_flags()
    {
        string record = ReportRecordFixtures.WithIntervals(Runs);

        var result = Report("fc77eef7");
        string md = File.ReadAllText(Path.Combine(result.Directory, "report.md"));
        string svg = File.ReadAllText(Path.Combine(result.Directory, "fig4-pgr.svg"));

        Assert.Contains("| weak | strong | loss | seeds | weak acc | w2s acc | ceiling acc | PGR [95% CI] | gain [95% CI] | error correction [95% CI] | " +
                        "PGR median | PGR mean | SE | gap (SE) | flags |\n", md);
        // The numbers the evaluate stage recorded in its summary (pgrRatioOfMeans, pgrCi, gain, gainCi, errorCorrection, errorCorrectionCi).
        Assert.Contains("| w64 | minilm | xent | 1 | 0.630 | 0.688 | 0.860 | 0.252 [0.111, 0.397] | 0.058 [0.024, 0.096] | 0.314 [0.250, 0.384] | " +
                        "0.252 | 0.252 | n/a | 11.8 |  |\n", md);
        Assert.Contains("| w64 | minilm-lp | logconf | 3 | 0.651 | 0.649 | 0.798 | -0.009 [-1.204, 1.225] | -0.001 [-0.255, 0.172] | 0.458 [0.049, 0.717] | " +
                        "0.783 | -0.009 | 0.924 | 7.4 |  |\n", md);
        // Too many resamples without a gap: "unbounded" with the evaluate stage's note; flagged with Significance.Flags' reason.
        Assert.Contains("| bow | minilm-lp | xent | 3 | 0.767 | 0.767 | 0.798 | 0.000 [unbounded] (ceiling <= weak in 128 of 2000 resamples (> 2.5%): " +
                        "the PGR is unbounded) | 0.000 [-0.037, 0.039] | 0.481 [0.338, 0.590] | -0.630 | 0.000 | 0.663 | 1.7 | ⚑ gap 1.7 SE (< 5) |\n", md);
        Assert.Contains("| noisy | minilm-lp | xent | 3 | 0.750 | 0.764 | 0.798 | 0.292 [-8.703, 8.877] |", md);
        Assert.Contains("Bars: each (weak → strong) pair's PGR as the ratio of the means over seeds", md);
        // Fig. 4–5 draws the ratio of means with the interval as whisker, says so in its legend, and keeps the median as a marker.
        Assert.Contains("95% CI (paired bootstrap)", svg);
        Assert.Contains("median of per-seed PGRs", svg);
        Assert.Contains("xent: PGR, ratio of means", svg);
        Assert.Contains("CI unbounded", svg);
        Assert.Contains("CI runs off the plot (see table)", svg);
        Assert.Equal("05f7893759967656c4d338cd2c8b5abccb7ddaeee4a338247d21e56603a24ffd",
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(result.Directory, "fig4-pgr.png")))));
        // The same bytes again from a second render (the bootstrap's draws are fixed).
        Assert.All(ReportRenderer.Render(RunReport.Of(ReportRecords.Read(record).Input)),
            f => Assert.True(File.ReadAllBytes(Path.Combine(result.Directory, f.Name)).AsSpan().SequenceEqual(f.Bytes), $"{f.Name} differs on a second render"));
    }

    [Fact]
    public void A_record_without_per_item_outcomes_draws_fig4_as_before_and_has_no_intervals()
    {
        ReportRecordFixtures.BrownGenre(Runs);

        var result = Report("79a98310");
        string md = File.ReadAllText(Path.Combine(result.Directory, "report.md"));
        string svg = File.ReadAllText(Path.Combine(result.Directory, "fig4-pgr.svg"));

        Assert.False(result.Report.HasIntervals);
        // The ratio of means and the gain from the seeds' mean accuracies, alone; no error correction without outcomes.
        Assert.Contains("| w64 | minilm | xent | 3 | 0.644 | 0.662 | 0.877 | 0.077 | 0.018 | n/a | -0.155 | 0.077 | 0.385 | 17.2 |  |\n", md);
        Assert.Contains("Bars: each (weak → strong) pair's median PGR over seeds, per loss; black diamonds and whiskers: the mean ± SE over seeds.", md);
        Assert.Contains("mean ± SE over seeds", svg);
        Assert.DoesNotContain("95% CI", svg);
        var rows = md.Split("### Fig. 4–5: PGR per pair and loss")[1].Split("###")[0].Split('\n').Where(l => l.StartsWith("| w", StringComparison.Ordinal) && !l.StartsWith("| weak |", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, row => Assert.DoesNotContain("[", row)); // no interval in the pair table
    }

    [Fact]
    public void The_html_page_is_self_contained_with_each_figure_inline_and_ids_unique_across_the_page()
    {
        ReportRecordFixtures.BrownGenre(Runs);
        var result = Report("79a98310");
        string html = File.ReadAllText(Path.Combine(result.Directory, "report.html"));

        Assert.StartsWith("<!DOCTYPE html>\n", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<?xml", html);
        Assert.Equal(4, html.Split("<svg").Length - 1); // Fig. 3 for w64 and w128, Fig. 4–5, bootstrap
        var ids = System.Text.RegularExpressions.Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain("cl_", html); // Skia's process-wide clip ids are renumbered per figure
        Assert.Contains("<td>w64</td><td>ceiling</td><td>minilm</td><td>22565376</td><td>3</td><td>0.877</td><td>0.023</td>", html);
    }

    [Fact]
    public void A_record_with_training_curves_gets_a_loss_figure_per_training_stage_kind_with_ln2_and_one_legend_entry_per_series()
    {
        // Every weak, ceiling and transfer stage of brown-genre's record as if it had kept a 3-point curve.
        string record = ReportRecordFixtures.Edited(Runs, hashed =>
        {
            foreach (var stage in hashed["stages"]!.AsArray().Where(s => (string?)s!["kind"] is "weak" or "ceiling" or "transfer"))
                stage!["metrics"]!["trainingCurve"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["firstStep"] = 0, ["every"] = 21, ["loss"] = new System.Text.Json.Nodes.JsonArray(0.69, 0.6, 0.55), ["lr"] = new System.Text.Json.Nodes.JsonArray(1e-4, 8e-5, 2e-5),
                };
        });

        var result = Report(record);
        var input = ReportRecords.From(WeakToStrong.Provenance.Records.RunRecord.Read(record));
        string svg = File.ReadAllText(Path.Combine(result.Directory, "fig-training-loss-transfer.svg"));

        Assert.Equal(["fig-training-loss-weak.png", "fig-training-loss-weak.svg", "fig-training-loss-ceiling.png", "fig-training-loss-ceiling.svg",
            "fig-training-loss-transfer.png", "fig-training-loss-transfer.svg"], result.Files.Where(f => f.StartsWith("fig-training-loss-", StringComparison.Ordinal)));
        Assert.Contains(input.LossCurves, c => c is { Kind: "transfer", Stage: "transfer/w64->minilm/logconf/s1", Series: "w64 → minilm logconf", Every: 21 });
        Assert.Equal(10.5, input.LossCurves[0].StepOf(0));
        Assert.Contains("ln 2 (50/50 on every item)", svg);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "w64 → minilm logconf"));
        Assert.Contains("fig-training-loss-transfer.png", File.ReadAllText(Path.Combine(result.Directory, "report.md")));
    }

    [Fact]
    public void A_record_with_an_evaluation_schedule_gets_fig7_with_best_and_final_marked()
    {
        string record = ReportRecordFixtures.WithSchedule(Runs);

        var result = Report(record);
        string md = File.ReadAllText(Path.Combine(result.Directory, "report.md"));

        Assert.Contains("fig7-accuracy-during-transfer.png", result.Files);
        Assert.Contains("fig7-accuracy-during-transfer.svg", result.Files);
        Assert.DoesNotContain("No accuracy-during-transfer figure", md);
        // w64 → minilm, xent: seeds' final accuracies 0.608, 0.837, 0.541 (mean 0.662); +0.02 at step 40 is the best point.
        Assert.Contains("| w64 | minilm | xent | 40 | 3 | 0.682 | 0.090 | best |\n", md);
        Assert.Contains("| w64 | minilm | xent | 62 | 3 | 0.662 | 0.090 | final |\n", md);
    }

    [Fact]
    public void An_unknown_key_prefix_says_where_it_looked()
    {
        ReportRecordFixtures.BrownGenre(Runs);

        var e = Assert.Throws<FileNotFoundException>(() => Report("0123abcd"));

        Assert.Equal($"no run record matches '0123abcd' under {Runs}", e.Message);
    }

    [Fact]
    public void Reproduce_writes_the_report_after_the_record_and_prints_its_folder_before_the_run_line()
    {
        string record = ReportRecordFixtures.Spam(Runs);

        var result = ReproduceVerb.WithReport(new ReproduceResult(ReportRecordFixtures.SpamKey, record, []));

        string expected = Path.Combine(Runs, "nlp-spam", "reports", ReportRecordFixtures.SpamKey);
        Assert.Equal((expected, null), (result.ReportDirectory, result.ReportError));
        Assert.True(File.Exists(Path.Combine(expected, "report.html")));
        Assert.EndsWith($"report {expected}\nrun {ReportRecordFixtures.SpamKey}\nrecord {record}\n", TextRenderer.Reproduce(result));
    }
}
