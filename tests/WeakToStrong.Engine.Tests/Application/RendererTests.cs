using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Engine.Tests.Application;

/// <summary>The one text and one JSON rendering of each verb's result, pinned to the byte.</summary>
public class RendererTests
{
    const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static ReproduceResult Result(params PgrRow[] rows) => new(Key, "/runs/tiny/" + Key + ".json", rows);

    static readonly PgrRow Xent = new("weak", "strong", "xent", 0.61234, 0.7, 0.8, 0.4735, 3) { Agreement = 0.9 };

    [Fact]
    public void The_pgr_table_aligns_names_left_and_numbers_right_and_shows_unmeasured_values_as_n_a()
    {
        var text = TextRenderer.Reproduce(Result(Xent, new PgrRow("small->mid", "large", "logconf", 0.5, 0.5, 0.5, double.NaN, 1)));

        Assert.Equal($"""
            PGR · run {Key}
            Weak        Strong  Loss     Weak acc  W2S acc  Ceiling acc    PGR  Agree  Seeds
            weak        strong  xent        0.612    0.700        0.800  0.474  0.900      3
            small->mid  large   logconf     0.500    0.500        0.500    n/a    n/a      1
            run {Key}
            record /runs/tiny/{Key}.json

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void The_checkpoint_column_appears_only_beside_early_stopping_variants()
    {
        var text = TextRenderer.Reproduce(Result(Xent, Xent with { Checkpoint = "ground-truth" }));

        Assert.Equal("Weak  Strong  Loss  Checkpoint    Weak acc  W2S acc  Ceiling acc    PGR  Agree  Seeds", text.Split('\n')[1]);
        Assert.Equal("weak  strong  xent  ground-truth     0.612    0.700        0.800  0.474  0.900      3", text.Split('\n')[3]);
        Assert.DoesNotContain("Checkpoint", TextRenderer.Reproduce(Result(Xent)));
    }

    [Fact]
    public void Reproduce_json_writes_unmeasured_values_as_null_and_paths_as_written()
    {
        var json = JsonRenderer.Reproduce(new ReproduceResult(Key, "/runs/a+b/x.json", [Xent with { Agreement = double.NaN }]));

        Assert.EndsWith("}\n", json);
        Assert.Contains("\"record\": \"/runs/a+b/x.json\"", json);
        var row = JsonNode.Parse(json)!["pgr"]![0]!;
        Assert.Equal("""{"weak":"weak","strong":"strong","loss":"xent","checkpoint":"final","weakAcc":0.61234,"transferAcc":0.7,"ceilingAcc":0.8,"pgr":0.4735,"agreement":null,"seeds":3}""",
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
