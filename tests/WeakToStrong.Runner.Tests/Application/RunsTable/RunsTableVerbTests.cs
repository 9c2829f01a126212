using System.Globalization;
using System.Text.Json.Nodes;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.RunsTable;

namespace WeakToStrong.Runner.Tests.Application.RunsTable;

/// <summary>
/// `runs --table` over brown-genre's real cpu record and two copies with other manifest values (as `--set` would
/// make them): the columns are the paths that differ, the numbers survive CSV, sorting and filters pick rows.
/// </summary>
public sealed class RunsTableVerbTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-runs-table-").FullName;
    string Runs => Path.Combine(root, "runs");

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>The record as run; lr 1e-4; lr 2e-5 with 3 epochs. Returns the three run keys in that order.</summary>
    string[] ThreeRuns()
    {
        ReportRecordFixtures.BrownGenre(Runs);
        string b = ReportRecordFixtures.Edited(Runs, h => h["manifest"]!["training"]!["lr"] = 0.0001);
        string c = ReportRecordFixtures.Edited(Runs, h =>
        {
            h["manifest"]!["training"]!["lr"] = 0.00002;
            h["manifest"]!["training"]!["epochs"] = 3;
        });
        return [ReportRecordFixtures.BrownGenreKey, Path.GetFileNameWithoutExtension(b), Path.GetFileNameWithoutExtension(c)];
    }

    static RunsTableResult Table(string runs, Func<RunsTableRequest, RunsTableRequest>? edit = null) =>
        RunsTableVerb.Run((edit ?? (r => r))(new RunsTableRequest { RunsDirectory = runs, Experiment = "brown-genre" }));

    [Fact]
    public void Three_runs_with_different_manifest_values_have_exactly_those_paths_as_manifest_columns()
    {
        ThreeRuns();

        var table = Table(Runs);

        Assert.Equal(["training.epochs", "training.lr"], table.Columns.Where(c => c.Kind == RunsColumnKind.Manifest).Select(c => c.Name));
        Assert.Equal(3, table.Rows.Count);
        var lr = table.Rows.Select(r => (string)r.Cells["training.lr"]!).Order(StringComparer.Ordinal);
        Assert.Equal(["0.00002", "0.00005", "0.0001"], lr);
        Assert.Empty(table.Skipped);
    }

    [Fact]
    public void One_run_alone_has_no_manifest_columns_and_its_pgr_is_the_ratio_of_seed_means()
    {
        ReportRecordFixtures.BrownGenre(Runs);

        var row = Assert.Single(Table(Runs).Rows);

        Assert.DoesNotContain(Table(Runs).Columns, c => c.Kind == RunsColumnKind.Manifest);
        // This record predates per-item outcomes: a PGR without an interval, as report.md's Fig. 4 table has it.
        Assert.NotNull(row.Cells["pgr w64->minilm/xent"]);
        Assert.Null(row.Cells["pgr w64->minilm/xent lo"]);
        Assert.Equal(["run", "experiment", "scale", "finished"], Table(Runs).Columns.Take(4).Select(c => c.Name));
    }

    [Fact]
    public void A_record_with_per_item_outcomes_shows_each_pgr_with_its_interval_and_says_unbounded_where_it_is()
    {
        ReportRecordFixtures.WithIntervals(Runs);

        var table = Table(Runs);
        var row = Assert.Single(table.Rows);
        string text = RunsTableText.Text(table);

        var xent = "pgr w64->minilm/xent";
        Assert.True(row.Cells[xent + " lo"] is double lo && row.Cells[xent + " hi"] is double hi && lo < (double)row.Cells[xent]! && (double)row.Cells[xent]! < hi);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"{(double)row.Cells[xent]!:0.000} [{(double)row.Cells[xent + " lo"]!:0.000}, {(double)row.Cells[xent + " hi"]!:0.000}]"), text);
        Assert.Contains("pgr bow->minilm-lp/xent", row.Unbounded);
        Assert.Contains(" [unbounded]", text);
    }

    [Fact]
    public void The_csv_parses_back_to_the_same_numbers_and_texts_as_the_table_and_the_json()
    {
        ThreeRuns();
        ReportRecordFixtures.WithIntervals(Runs); // a fourth run, with intervals, and unbounded ones

        var table = Table(Runs);
        var csv = CsvText.Parse(RunsTableCsv.Csv(table));
        var json = JsonNode.Parse(RunsTableJson.Json(table))!;

        Assert.Equal(table.Columns.Select(c => c.Name), csv[0]);
        Assert.Equal(table.Rows.Count + 1, csv.Count);
        int numbers = 0;
        for (int r = 0; r < table.Rows.Count; r++)
            for (int c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                object? cell = table.Rows[r].Cells[column.Name];
                string field = csv[r + 1][c];
                var fromJson = json["rows"]![r]!["cells"]![column.Name];
                if (cell is double d)
                {
                    Assert.Equal(d, double.Parse(field, CultureInfo.InvariantCulture)); // exact: round-trip form
                    Assert.Equal(d, (double)fromJson!);
                    numbers++;
                }
                else if (cell is null) Assert.Equal(("", null), (field, fromJson));
                else Assert.Equal((string)cell, field);
            }
        Assert.True(numbers > 40, $"only {numbers} numbers compared");
        Assert.Equal(ReportRecordFixtures.BrownGenreKey, csv.Skip(1).Select(row => row[0]).First(k => k.StartsWith("79a9", StringComparison.Ordinal)));
    }

    [Fact]
    public void Sort_orders_by_a_manifest_path_as_numbers_either_way_and_where_keeps_matching_runs()
    {
        string[] keys = ThreeRuns();

        var up = Table(Runs, r => r with { Sort = "training.lr" });
        var down = Table(Runs, r => r with { Sort = "training.lr:desc" });
        var only = Table(Runs, r => r with { Where = ["training.lr=1e-4"] });
        var epochs = Table(Runs, r => r with { Where = ["training.epochs=3", "experiment=brown-genre"] });

        Assert.Equal([keys[2], keys[0], keys[1]], up.Rows.Select(r => r.RunKey));
        Assert.Equal([keys[1], keys[0], keys[2]], down.Rows.Select(r => r.RunKey));
        Assert.Equal([keys[1]], only.Rows.Select(r => r.RunKey));
        // Alone, the filtered run differs from nothing: no manifest columns.
        Assert.DoesNotContain(only.Columns, c => c.Kind == RunsColumnKind.Manifest);
        Assert.Equal([keys[2]], epochs.Rows.Select(r => r.RunKey));
    }

    [Fact]
    public void Columns_keeps_the_run_columns_and_the_named_ones_a_pgr_with_its_bounds()
    {
        ThreeRuns();

        var table = Table(Runs, r => r with { Columns = ["training.lr,pgr w64->minilm/xent"] });

        Assert.Equal(["run", "experiment", "scale", "finished", "training.lr", "pgr w64->minilm/xent", "pgr w64->minilm/xent lo", "pgr w64->minilm/xent hi"],
            table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void A_bad_sort_column_where_or_format_is_one_line_naming_it()
    {
        ThreeRuns();

        Assert.StartsWith("runs: --sort: no column 'nope'; the columns are: run, experiment, scale, finished, training.epochs, training.lr,",
            Assert.Throws<UserError>(() => Table(Runs, r => r with { Sort = "nope" })).Message);
        Assert.Equal("runs: --where 'training.lr' is not path=value (e.g. --where training.lr=0.001)",
            Assert.Throws<UserError>(() => Table(Runs, r => r with { Where = ["training.lr"] })).Message);
        Assert.StartsWith("runs: --columns: no column 'nope'; the columns are: ",
            Assert.Throws<UserError>(() => Table(Runs, r => r with { Columns = ["nope"] })).Message);
        Assert.Equal("runs: --md, --csv and --json each choose the table's format: give one of them",
            Assert.Throws<UserError>(() => RunsTableOutput.Format(md: true, csv: true, json: false)).Message);
    }

    [Fact]
    public void A_damaged_record_is_skipped_with_its_reason_and_the_others_are_listed()
    {
        ThreeRuns();
        string damaged = Path.Combine(Runs, "brown-genre", new string('d', 64) + ".json");
        File.WriteAllText(damaged, "{ not json");

        var table = Table(Runs);

        Assert.Equal(3, table.Rows.Count);
        var skipped = Assert.Single(table.Skipped);
        Assert.Equal(damaged, skipped.RecordPath);
        Assert.Contains($"skipped {damaged}: ", RunsTableText.Text(table));
    }

    [Fact]
    public void A_pair_without_a_gap_reads_n_a_and_a_run_without_the_pair_reads_a_dash()
    {
        RunsColumn[] columns = [new("run", RunsColumnKind.Run), new("pgr w->s/xent", RunsColumnKind.Pgr), new("pgr w->s/xent lo", RunsColumnKind.PgrBound), new("pgr w->s/xent hi", RunsColumnKind.PgrBound)];
        RunsRow Row(string key, bool hasPair) => new(key, "x", "/r.json",
            new Dictionary<string, object?> { ["run"] = key, ["pgr w->s/xent"] = null, ["pgr w->s/xent lo"] = null, ["pgr w->s/xent hi"] = null },
            new HashSet<string>()) { Undefined = hasPair ? new HashSet<string> { "pgr w->s/xent" } : new HashSet<string>() };

        string text = RunsTableText.Text(new RunsTableResult("/runs", "x", columns, [Row(new string('a', 64), true), Row(new string('b', 64), false)], []));

        Assert.Equal("run           pgr w->s/xent\naaaaaaaaaaaa            n/a\nbbbbbbbbbbbb              -\n", string.Concat(text.Split('\n').Take(3).Select(l => l + "\n")));
    }
}
