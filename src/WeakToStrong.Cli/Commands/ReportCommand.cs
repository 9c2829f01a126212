using System.CommandLine;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s report &lt;run&gt; [--runs-dir runs] [--out dir] [--json]`: a run's report (Markdown, HTML, PNG/SVG figures) from its record, through the shared verb.</summary>
static class ReportCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "A run key, a unique key prefix, or the path of a run record." };
        var runs = CommonOptions.RunsDir();
        var output = new Option<string?>("--out") { Description = "Folder for the report (default: runs/<experiment>/reports/<run key>/, beside the record)." };
        var json = CommonOptions.Json();
        var command = new Command("report",
            "Write a run's report from its record alone: report.md, a self-contained report.html, and PNG + SVG figures (accuracy vs strong size, PGR per pair, accuracy during transfer, bootstrap vs direct).")
        {
            run, runs, output, json,
        };
        command.SetAction(parse =>
        {
            try
            {
                var result = ReportVerb.Run(new ReportRequest { RunsDirectory = parse.GetValue(runs)!, Run = parse.GetValue(run)!, OutputDirectory = parse.GetValue(output) });
                Console.Out.Write(parse.GetValue(json) ? JsonRenderer.Report(result) : TextRenderer.Report(result));
                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidOperationException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
