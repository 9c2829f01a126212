using System.Text.Json.Nodes;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>`results` over hand-built records in a temporary runs/: what it reads, what it writes, how a bad record reads.</summary>
public sealed class ResultsVerbTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-results-").FullName;
    string Runs => Path.Combine(root, "runs");
    string Out => Path.Combine(root, "docs", "results.md");

    public void Dispose() => Directory.Delete(root, recursive: true);

    ResultsResult Run(string? scale = null) => ResultsVerb.Run(new ResultsRequest { RunsDirectory = Runs, OutputPath = Out, Scale = scale });

    [Fact]
    public void Regenerating_from_the_same_records_gives_the_same_bytes_and_leaves_the_file_untouched()
    {
        ResultRecordFiles.WriteSample(Runs);
        var first = Run();
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Out, written);

        var second = Run();

        Assert.Equal(first.Markdown, File.ReadAllText(Out));
        Assert.Equal(first.Markdown, second.Markdown);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Out));
        Assert.Equal(Path.GetFullPath(Out), second.OutputPath);
    }

    [Fact]
    public void The_newest_record_per_experiment_and_scale_is_reported_and_a_scale_narrows_them()
    {
        ResultRecordFiles.WriteSample(Runs);

        var all = Run();
        Assert.Equal(4, all.RecordsFound);
        Assert.Equal(["alpha (cpu)", "alpha (smoke)", "beta (cpu)"], all.Report.Tasks.Select(t => t.Name));
        Assert.Equal(0.25, all.Report.Tasks[0].Pairs[0].Pgr.Median); // the 2026-01-02 record, not the older one's 0
        Assert.Equal(["alpha (cpu)", "beta (cpu)"], Run("cpu").Report.Tasks.Select(t => t.Name));
        Assert.Contains("`w2s results --scale cpu`", File.ReadAllText(Out));
    }

    [Fact]
    public void The_text_names_the_file_each_task_with_its_flags_the_pooled_pgr_and_each_findings_verdict()
    {
        ResultRecordFiles.WriteSample(Runs);

        Assert.Equal($"""
            results: 3 task(s) from 4 record(s) -> {Path.GetFullPath(Out)}
              alpha (cpu)    {all()[0]}  3 pair(s), 1 flagged
              alpha (smoke)  {all()[1]}  1 pair(s), 1 flagged
              beta (cpu)     {all()[2]}  1 pair(s), 0 flagged
            pooled median PGR (unflagged pairs): xent 0.250 (1 of 3)  logconf 0.125 (1 of 1)  bradley-terry -0.250 (1 of 1)
            findings: (a) naive PGR > 0 undecided at this power; (b) logconf gains more at large gaps undecided at this power; (c) reward modelling lowest undecided at this power; (d) bootstrapping beats direct undecided at this power

            """.ReplaceLineEndings("\n"), TextRenderer.Results(Run()));

        string[] all() => Run().Report.Tasks.Select(t => t.Record.RunKey[..12]).ToArray();
    }

    [Fact]
    public void Json_has_the_same_numbers_unrounded_and_null_for_what_was_not_measured()
    {
        ResultRecordFiles.WriteSample(Runs);

        var json = JsonNode.Parse(JsonRenderer.Results(Run("cpu")))!;

        var pair = json["tasks"]![0]!["pairs"]![0]!;
        Assert.Equal(("s", "l", "xent", 0.25, 28.8), ((string)pair["weak"]!, (string)pair["strong"]!, (string)pair["loss"]!,
            (double)pair["pgr"]!["median"]!, Math.Round((double)pair["gapSe"]!, 12)));
        Assert.Null(pair["pgr"]!["se"]); // one seed
        Assert.Equal(["gap 4.8 SE (< 5)"], json["tasks"]![0]!["pairs"]![2]!["flags"]!.AsArray().Select(f => (string)f!));
        Assert.Equal((1, 1), ((int)json["findings"]!["rewardModelVsClassification"]!["rewardModelPairs"]!,
            (int)json["findings"]!["rewardModelVsClassification"]!["classificationPairs"]!));
        Assert.Equal(Path.GetFullPath(Out), (string)json["markdown"]!);
    }

    [Fact]
    public void Early_stopping_variants_and_bootstrap_chains_are_read_from_the_evaluate_stage()
    {
        var row = ResultRecordFiles.Row("s", "l", "xent", 0, 0.68, 0.74, 0.92, 0.25);
        ResultRecordFiles.Write(Runs, "alpha", "cpu", "2026-01-02T10:00:00.0000000+00:00", 2304, [row], new JsonObject
        {
            ["earlyStopping"] = new JsonObject
            {
                ["ground-truth"] = new JsonObject
                {
                    ["runs"] = new JsonArray(ResultRecordFiles.Row("s", "l", "xent", 0, 0.68, 0.80, 0.92, 0.5)),
                    ["summary"] = Audit.SyntheticSummary.Of(),
                },
            },
            ["bootstrap"] = new JsonArray(new JsonObject
            {
                ["chain"] = new JsonArray("s", "m", "l"), ["loss"] = "xent", ["seed"] = 0,
                ["weakAcc"] = 0.68, ["bootstrapAcc"] = 0.77, ["ceilingAcc"] = 0.92, ["pgr"] = 0.375, ["directPgr"] = 0.25, ["steps"] = new JsonArray(),
            }),
        });

        var task = Run().Report.Tasks.Single();

        Assert.Equal(("ground-truth", 0.5), (task.Variants.Single().Variant, task.Variants.Single().Pairs.Single().Pgr.Median));
        Assert.Equal(("s → m → l", 0.375, 0.25), (task.Chains.Single().Name, task.Chains.Single().Bootstrap.Median, task.Chains.Single().Direct.Median));
    }

    [Fact]
    public void A_record_that_is_not_json_is_one_line_naming_its_file()
    {
        ResultRecordFiles.WriteSample(Runs);
        string bad = Path.Combine(Runs, "beta", new string('f', 64) + ".json");
        File.WriteAllText(bad, "{ \"format\": 1, \"hashed\": ");

        var e = Assert.Throws<InvalidDataException>(() => Run());

        Assert.StartsWith($"{bad}: not a readable run record (", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void An_edited_record_is_refused_naming_its_file()
    {
        string path = ResultRecordFiles.Write(Runs, "alpha", "cpu", "2026-01-02T10:00:00.0000000+00:00", 2304,
            [ResultRecordFiles.Row("s", "l", "xent", 0, 0.68, 0.74, 0.92, 0.25)]);
        File.WriteAllText(path, File.ReadAllText(path).Replace("0.25", "0.75"));

        var e = Assert.Throws<InvalidDataException>(() => ResultRecords.Read(path));

        Assert.StartsWith($"{path}: stated run key ", e.Message);
    }

    [Fact]
    public void A_record_without_a_test_split_size_says_what_is_missing()
    {
        string path = ResultRecordFiles.Write(Runs, "alpha", "cpu", "2026-01-02T10:00:00.0000000+00:00", 0, []);

        var e = Assert.Throws<InvalidDataException>(() => ResultRecords.Read(path));

        Assert.Equal($"{path}: the data stage's split.test is 0", e.Message);
    }
}
