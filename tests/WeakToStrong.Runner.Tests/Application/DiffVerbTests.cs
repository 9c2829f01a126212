using System.Text.Json.Nodes;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>`diff` over brown-genre's real record and an edited copy of it (a manifest value, a stage key and one seed's accuracy changed).</summary>
public sealed class DiffVerbTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-diff-").FullName;
    string Runs => Path.Combine(root, "runs");

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>b: lr 5e-05 → 1e-04; transfer w64→minilm/xent seed 0 another key, its student 0.03 better (0.608 → 0.638), so evaluate's key changes too.</summary>
    string EditedB() => ReportRecordFixtures.Edited(Runs, h =>
    {
        h["manifest"]!["training"]!["lr"] = 0.0001;
        var stages = h["stages"]!.AsArray();
        stages.Single(s => (string?)s!["id"] == "transfer/w64->minilm/xent/s0")!["key"] = new string('b', 64);
        stages.Single(s => (string?)s!["id"] == "evaluate")!["key"] = new string('e', 64);
        var row = stages.Single(s => (string?)s!["id"] == "evaluate")!["metrics"]!["runs"]!.AsArray()
            .Single(r => (string?)r!["weak"] == "w64" && (string?)r["strong"] == "minilm" && (string?)r["loss"] == "xent" && (int)r["seed"]! == 0)!;
        row["transferAcc"] = 0.638;
    });

    [Fact]
    public void A_diff_names_the_changed_manifest_path_the_stages_that_would_recompute_and_the_metric_delta_with_its_seed_se()
    {
        string b = EditedB();

        var diff = DiffVerb.Run(Runs, "79a98310", b);

        Assert.Equal(ReportRecordFixtures.BrownGenreKey, diff.A.RunKey);
        var change = Assert.Single(diff.Manifest);
        Assert.Equal(("training.lr", "0.00005", "0.0001"), (change.Path, change.Recorded, change.Current));
        Assert.Equal(["transfer/w64->minilm/xent/s0", "evaluate"], diff.Stages.Select(s => s.Id));
        Assert.All(diff.Stages, s => Assert.Equal("changed", s.Status));
        Assert.Equal(["transfer/w64->minilm/xent/s0", "evaluate"], diff.Recompute);
        Assert.Equal(52, diff.StagesSame);
        var w2s = diff.Metrics.Single(m => m.Metric == "w2s acc w64->minilm/xent");
        Assert.Equal(0.01, w2s.Delta!.Value, 12);                 // one seed of three, +0.03
        Assert.Equal("0.090", WeakToStrong.Core.Results.Numbers.F3(w2s.SeA)); // as report.md's Fig. 3 table has it
        Assert.All(diff.Metrics.Where(m => !m.Metric.Contains("w64->minilm/xent", StringComparison.Ordinal) && !m.Metric.StartsWith("pgr pooled", StringComparison.Ordinal)),
            m => Assert.Equal(0, m.Delta!.Value, 12));
    }

    [Fact]
    public void Text_markdown_and_json_say_the_same_things()
    {
        string b = EditedB();
        var diff = DiffVerb.Run(Runs, ReportRecordFixtures.BrownGenreKey[..8], b);

        string text = TextRenderer.Diff(diff), md = TextRenderer.DiffMarkdown(diff);
        var json = JsonNode.Parse(JsonRenderer.Diff(diff))!;

        Assert.Contains("\nmanifest: 1 path changed\n  training.lr: 0.00005 -> 0.0001\n", text);
        Assert.Contains("\nstages: 52 with the same key, 2 stages differ\n  changed    transfer/w64->minilm/xent/s0  1bed8ef7bd2c -> bbbbbbbbbbbb\n", text);
        Assert.Contains("\nwould recompute from a's store: 2 stages of b's\n  transfer/w64->minilm/xent/s0\n  evaluate\n", text);
        Assert.Contains("\n  w2s acc w64->minilm/xent          0.662   0.672  +0.010  0.090  0.", text);
        Assert.Contains("| `training.lr` | `0.00005` | `0.0001` |\n", md);
        Assert.Contains("| `transfer/w64->minilm/xent/s0` | changed | `1bed8ef7bd2c` | `bbbbbbbbbbbb` |\n", md);
        Assert.StartsWith("### Run diff: `79a98310ab30` → `", md);
        Assert.Equal(["transfer/w64->minilm/xent/s0", "evaluate"], json["recompute"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(0.01, (double)json["metrics"]!.AsArray().Single(m => (string)m!["metric"]! == "w2s acc w64->minilm/xent")!["delta"]!, 12);
    }

    [Fact]
    public void A_run_diffed_with_itself_has_no_changes_and_zero_deltas()
    {
        ReportRecordFixtures.BrownGenre(Runs);

        var diff = DiffVerb.Run(Runs, "79a98310", "79a9");

        Assert.Equal((0, 0, 0, 54), (diff.Manifest.Count, diff.Stages.Count, diff.Recompute.Count, diff.StagesSame));
        Assert.All(diff.Metrics, m => Assert.Equal(0, m.Delta!.Value, 15));
    }
}
