using System.Text.RegularExpressions;
using WeakToStrong.Runner.Application.RunsIndex;

namespace WeakToStrong.Runner.Tests.Application.RunsIndex;

/// <summary>runs/index.html as written: one row per record, links that resolve inside the runs folder, nothing from outside it, the same bytes twice.</summary>
public sealed partial class RunsIndexTests : IDisposable
{
    readonly IndexedRuns runs = new();

    public void Dispose() => runs.Dispose();

    [Fact]
    public void The_index_has_one_row_per_record_and_every_link_and_image_is_a_file_under_the_runs_folder()
    {
        var written = RunsIndexVerb.Write(runs.Runs);
        string html = File.ReadAllText(written.Path);

        Assert.Equal((runs.Index, IndexedRuns.Records, true), (written.Path, written.Runs, written.Written));
        Assert.Equal(IndexedRuns.Records, RowIds().Matches(html).Count);
        var targets = Links().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Contains("brown-genre/reports/" + ReportRecordFixtures.BrownGenreKey + "/report.html", targets);
        Assert.Contains(targets, t => t.EndsWith(".png", StringComparison.Ordinal));
        foreach (string target in targets)
        {
            if (target.StartsWith('#')) Assert.Contains($"id=\"{target[1..]}\"", html);
            else Assert.True(File.Exists(Path.Combine(runs.Runs, Uri.UnescapeDataString(target))), $"{target} does not resolve under {runs.Runs}");
        }
        Assert.DoesNotMatch("(?i)(https?:|//|<script|@import|url\\()", html);
        Assert.Contains($"No report yet (<code>w2s report --run {ReportRecordFixtures.SpamKey[..12]}</code> writes it).", html);
    }

    [Fact]
    public void Writing_it_again_from_the_same_records_leaves_the_same_bytes_unwritten()
    {
        var first = RunsIndexVerb.Write(runs.Runs);
        byte[] bytes = File.ReadAllBytes(first.Path);

        var second = RunsIndexVerb.Write(runs.Runs);

        Assert.False(second.Written);
        Assert.Equal(bytes, File.ReadAllBytes(second.Path));
    }

    [Fact]
    public async Task W2s_report_index_and_the_host_write_the_same_index_and_print_the_same_line()
    {
        var tool = await FrontEnds.W2s("report", "--index", "--runs-dir", runs.Runs);
        byte[] fromTool = File.ReadAllBytes(runs.Index);
        File.Delete(runs.Index);
        var host = FrontEnds.Host(runs.Root, "Report", "--index");

        Assert.Equal((0, ""), (tool.ExitCode, tool.Error));
        Assert.Equal($"index {runs.Index}: 3 runs (written)\n", tool.Output);
        Assert.Equal(tool.Output, FrontEnds.TargetOutput(host.Output, "Report"));
        Assert.Equal(fromTool, File.ReadAllBytes(runs.Index));
    }

    [Fact]
    public async Task Report_without_a_run_or_index_is_one_line_from_both()
    {
        var tool = await FrontEnds.W2s("report", "--runs-dir", runs.Runs);
        var host = FrontEnds.Host(runs.Root, "Report");

        Assert.Equal((1, "report: give a run (--run <key|prefix|path>) or --index, or both\n"), (tool.ExitCode, tool.Error));
        Assert.Contains("Target 'Report' failed: report: give a run (--run <key|prefix|path>) or --index, or both\n", host.Error);
    }

    [GeneratedRegex("<tr id=\"row-[0-9a-f]{64}\">")]
    private static partial Regex RowIds();

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex Links();
}
