using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Tests.Runner;

namespace WeakToStrong.Runner.Tests.Application.RunsTable;

/// <summary>
/// The issue's acceptance: three real runs of one experiment through `w2s reproduce`, with different `--set` values,
/// and `w2s runs --table` over their records: exactly the paths that were set are columns; each reproduce rewrote
/// runs/index.html, which lists all three. Names and tags given with `--name` and `--tag` are columns too, and
/// `--where tag=…` keeps the runs given that tag.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public sealed class RunsTableOfTinyRunsTests : IDisposable
{
    readonly TinyExperiment experiment = new();

    public void Dispose() => experiment.Dispose();

    [Fact]
    public async Task Three_runs_with_different_set_values_show_exactly_those_paths_as_columns()
    {
        string store = experiment.NewStore();
        string[][] sets = [["--name", "baseline", "--tag", "sweep"], ["--set", "training.lr=0.002", "--tag", "sweep", "--tag", "lr"],
            ["--set", "training.lr=0.003", "--set", "pretrain.steps=4"]];
        var keys = new List<string>();
        foreach (var set in sets)
        {
            var run = await FrontEnds.W2s(["reproduce", "-e", "tiny", "--experiments-dir", experiment.ExperimentsDirectory, "--runs-dir", experiment.RunsDirectory,
                "--store", store, "--threads", "2", .. set]);
            Assert.True(run.ExitCode == 0, run.Error);
            keys.Add(W2sTool.RunKey(run.Output));
        }

        var csv = await FrontEnds.W2s("runs", "--table", "--csv", "-e", "tiny", "--runs-dir", experiment.RunsDirectory, "--sort", "training.lr");
        var text = await FrontEnds.W2s("runs", "--table", "-e", "tiny", "--runs-dir", experiment.RunsDirectory, "--sort", "training.lr");

        Assert.Equal((0, ""), (csv.ExitCode, csv.Error));
        var rows = CsvText.Parse(csv.Output);
        var header = rows[0];
        Assert.Equal(["run", "name", "tags", "experiment", "scale", "finished", "pretrain.steps", "training.lr"], header.Take(8));
        Assert.DoesNotContain(header.Skip(8), h => !h.StartsWith("pgr ", StringComparison.Ordinal)); // the tiny manifest gates nothing
        Assert.Equal(keys, rows.Skip(1).Select(r => r[0]));
        Assert.Equal([("baseline", "sweep"), ("", "sweep,lr"), ("", "")], rows.Skip(1).Select(r => (r[1], r[2])));
        Assert.Equal([("3", "0.001"), ("3", "0.002"), ("4", "0.003")], rows.Skip(1).Select(r => (r[6], r[7])));
        Assert.Contains(header, h => h == "pgr weak->strong/xent");
        Assert.Matches($@"(?m)^{keys[0][..12]}\s+baseline\s+sweep\s+tiny\s", text.Output);
        Assert.Matches($@"(?m)^{keys[2][..12]}\s+-\s+-\s+tiny\s", text.Output);

        var tagged = await FrontEnds.W2s("runs", "--table", "--csv", "-e", "tiny", "--runs-dir", experiment.RunsDirectory, "--where", "tag=sweep");
        Assert.Equal(keys.Take(2), CsvText.Parse(tagged.Output).Skip(1).Select(r => r[0]));

        string index = File.ReadAllText(Path.Combine(experiment.RunsDirectory, "index.html"));
        Assert.All(keys, k => Assert.Contains($"<tr id=\"row-{k}\">", index));
    }
}
