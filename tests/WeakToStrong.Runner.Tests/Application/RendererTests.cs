using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>The one text and one JSON rendering of each verb's result, pinned to the byte.</summary>
public class RendererTests
{
    const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static ReproduceResult Result(params PgrRow[] rows) => new(Key, "/runs/tiny/" + Key + ".json", rows);

    static readonly PgrRow Xent = new("weak", "strong", "xent", 0.61234, 0.7, 0.8, 0.4735, 3)
    {
        Agreement = 0.9, PgrRatioOfMeans = 0.4671, PgrCi = new(0.4123, 0.8049), Gain = 0.08766, GainCi = new(0.0614, 0.1152),
        ErrorCorrection = 0.25,
    };

    [Fact]
    public void The_pgr_table_aligns_names_left_and_numbers_right_and_shows_unmeasured_values_as_n_a()
    {
        var text = TextRenderer.Reproduce(Result(Xent, new PgrRow("small->mid", "large", "logconf", 0.5, 0.5, 0.5, double.NaN, 1)));

        Assert.Equal($"""
            PGR · run {Key}
            Weak        Strong  Loss     Weak acc  W2S acc  Ceiling acc       PGR [95% CI]         Gain [95% CI]  Err corr  Agree  Seeds  Flag
            weak        strong  xent        0.612    0.700        0.800  0.47 [0.41, 0.80]  0.088 [0.061, 0.115]     0.250  0.900      3
            small->mid  large   logconf     0.500    0.500        0.500                n/a                   n/a       n/a    n/a      1
            run {Key}
            record /runs/tiny/{Key}.json

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void A_flagged_row_says_why_and_an_unbounded_interval_says_so()
    {
        var noisy = new PgrRow("w", "s", "xent", 0.52, 0.53, 0.54, 0.5, 1)
        {
            PgrRatioOfMeans = 0.5, PgrCiNote = "ceiling <= weak in 700 of 2000 resamples (> 2.5%): the PGR is unbounded",
            Gain = 0.01, GainCi = new(-0.0049, 0.0251), ErrorCorrection = 0.1,
            Flags = ["gap 0.6 SE (< 5)", "weak 1.3 SE from chance (< 5)", "constant student (s0)"],
        };
        var old = new PgrRow("w", "s", "logconf", 0.6, 0.7, 0.8, 0.5, 1) { PgrRatioOfMeans = 0.5, Gain = 0.1 }; // a summary without intervals

        var lines = TextRenderer.Reproduce(Result(noisy, old)).Split('\n');

        Assert.Equal("Weak  Strong  Loss     Weak acc  W2S acc  Ceiling acc      PGR [95% CI]          Gain [95% CI]  Err corr  Agree  Seeds  Flag", lines[1]);
        Assert.Equal("w     s       xent        0.520    0.530        0.540  0.50 [unbounded]  0.010 [-0.005, 0.025]     0.100    n/a      1  " +
                     "⚑ gap 0.6 SE (< 5); weak 1.3 SE from chance (< 5); constant student (s0)", lines[2]);
        Assert.Equal("w     s       logconf     0.600    0.700        0.800              0.50                  0.100       n/a    n/a      1", lines[3]);
    }

    [Fact]
    public void The_checkpoint_column_appears_only_beside_early_stopping_variants()
    {
        var text = TextRenderer.Reproduce(Result(Xent, Xent with { Checkpoint = "ground-truth" }));

        Assert.Equal("Weak  Strong  Loss  Checkpoint    Weak acc  W2S acc  Ceiling acc       PGR [95% CI]         Gain [95% CI]  Err corr  Agree  Seeds  Flag", text.Split('\n')[1]);
        Assert.Equal("weak  strong  xent  ground-truth     0.612    0.700        0.800  0.47 [0.41, 0.80]  0.088 [0.061, 0.115]     0.250  0.900      3", text.Split('\n')[3]);
        Assert.DoesNotContain("Checkpoint", TextRenderer.Reproduce(Result(Xent)));
    }

    [Fact]
    public void Reproduce_json_writes_unmeasured_values_as_null_and_paths_as_written()
    {
        var json = JsonRenderer.Reproduce(new ReproduceResult(Key, "/runs/a+b/x.json", [Xent with { Agreement = double.NaN }]));

        Assert.EndsWith("}\n", json);
        Assert.Contains("\"record\": \"/runs/a+b/x.json\"", json);
        var row = JsonNode.Parse(json)!["pgr"]![0]!;
        Assert.Equal("""{"weak":"weak","strong":"strong","loss":"xent","checkpoint":"final","weakAcc":0.61234,"transferAcc":0.7,"ceilingAcc":0.8,"pgr":0.4735,"agreement":null,"seeds":3""" +
                     ""","pgrRatioOfMeans":0.4671,"pgrCi":[0.4123,0.8049],"pgrCiNote":null,"gain":0.08766,"gainCi":[0.0614,0.1152],"errorCorrection":0.25,"flags":[]}""",
            row.ToJsonString());
    }

    [Fact]
    public void No_runs_is_one_line_naming_the_folder_and_the_experiment()
    {
        Assert.Equal("No runs recorded under /r.\n", TextRenderer.Runs(new RunsResult("/r", null, [])));
        Assert.Equal("No runs of 'x' recorded under /r.\n", TextRenderer.Runs(new RunsResult("/r", "x", [])));
        Assert.Equal("[]\n", JsonRenderer.Runs(new RunsResult("/r", null, [])));
    }

    [Fact]
    public void A_run_without_summary_or_finish_time_is_listed_with_dashes()
    {
        var text = TextRenderer.Runs(new RunsResult("/r", null, [new RunSummary("tiny", Key, "/r/tiny/k.json", null, null, null)]));

        Assert.Equal("tiny                 0123456789ab  -      -\n", text);
    }

    [Fact]
    public void Runs_are_listed_by_absolute_folder_whoever_asks()
    {
        var result = RunsVerb.List("relative-runs-that-do-not-exist", "");

        Assert.Equal(Path.GetFullPath("relative-runs-that-do-not-exist"), result.RunsDirectory);
        Assert.Null(result.Experiment);
        Assert.Empty(result.Runs);
    }
}
