using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application.Status;

namespace WeakToStrong.Runner.Tests.StoreUpkeep;

/// <summary>`status` (issue 27): per stage of the plan, in the store or not and why, against the newest record.</summary>
[Collection(TrainingRunsCollection.Name)]
public class StatusTests(TinyRunFixture run) : IClassFixture<TinyRunFixture>
{
    ReproduceRequest Request(params string[] sets) => new()
    {
        Experiment = "tiny", ExperimentsDirectory = run.Experiment.ExperimentsDirectory, RunsDirectory = run.Experiment.RunsDirectory, Sets = sets,
    };

    [Fact]
    public void After_a_run_every_stage_is_in_its_store_and_nothing_would_run()
    {
        var status = StatusVerb.Run(Request(), run.Store);

        Assert.Equal(run.RunKey, status.ComparedWith);
        Assert.Equal(0, status.ToRun);
        Assert.EndsWith("up to date: reproduce would compute nothing\n", StatusText.Text(status));
    }

    [Fact]
    public void A_changed_learning_rate_names_the_parameter_at_the_trained_stages_and_the_input_below_them()
    {
        var status = StatusVerb.Run(Request("training.lr=0.002"), run.Store);

        var why = status.Stages.ToDictionary(s => s.Id, s => s.Stored ? "in store" : string.Join("; ", s.Why));
        Assert.Equal("in store", why["data/s0"]);
        Assert.Equal("in store", why["pretrain/weak"]);
        Assert.Equal("in store", why["pretrain/strong"]);
        Assert.Equal("parameter training.lr: 0.001 -> 0.002", why["weak/weak/s0"]);
        Assert.Equal("parameter training.lr: 0.001 -> 0.002", why["ceiling/strong/s0"]);
        Assert.Equal("input weak/weak/s0 changed", why["label/weak/s0"]);
        Assert.Equal("parameter training.lr: 0.001 -> 0.002; input label/weak/s0 changed", why["transfer/weak->strong/xent/s0"]);
        Assert.StartsWith("input ", why["evaluate"]);
        Assert.Equal(6, status.ToRun);
    }

    [Fact]
    public void An_empty_store_says_the_records_stages_are_missing_from_it_not_changed()
    {
        string empty = run.Experiment.NewStore();

        var status = StatusVerb.Run(Request(), empty);

        Assert.Equal(9, status.ToRun);
        Assert.All(status.Stages, s => Assert.Equal($"same key as in record {run.RunKey[..8]}, but this store lacks it (not run)", Assert.Single(s.Why)));
    }

    [Fact]
    public void A_stage_whose_code_moved_since_the_record_names_the_types_whose_code_changed()
    {
        // The record as a build with another XentLoss would have written it: that stage's code and key, and the type's hash.
        const string xent = "WeakToStrong.Training!WeakToStrong.Training.Losses.XentLoss";
        var hashed = run.Record.Hashed.DeepClone().AsObject();
        var transfer = hashed["stages"]!.AsArray().Single(s => (string)s!["id"]! == "transfer/weak->strong/xent/s0")!;
        transfer["code"] = new string('1', 64);
        transfer["key"] = new string('2', 64);
        Assert.NotNull(hashed["code"]!["types"]![xent]);
        hashed["code"]!["types"]![xent] = new string('3', 64);
        string runs = Path.Combine(run.Experiment.Root, "runs-code-moved");
        new RunRecord(hashed, run.Record.Executions).Write(runs);

        var status = StatusVerb.Run(Request() with { RunsDirectory = runs }, run.Experiment.NewStore());

        var why = status.Stages.ToDictionary(s => s.Id, s => string.Join("; ", s.Why));
        Assert.Equal("code changed: WeakToStrong.Training.Losses.XentLoss", why["transfer/weak->strong/xent/s0"]);
        Assert.StartsWith("same key as in record", why["weak/weak/s0"]);
    }

    [Fact]
    public async Task W2s_status_prints_the_same_text_as_the_verb()
    {
        var (code, output, error) = await W2sTool.RunAsync("status", "-e", "tiny", "--experiments-dir", run.Experiment.ExperimentsDirectory,
            "--runs-dir", run.Experiment.RunsDirectory, "--store", run.Store, "--set", "training.lr=0.002");

        Assert.True(code == 0, error);
        Assert.Equal(StatusText.Text(StatusVerb.Run(Request("training.lr=0.002"), run.Store)), output);
    }
}
