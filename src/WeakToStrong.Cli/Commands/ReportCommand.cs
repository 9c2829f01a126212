using System.CommandLine;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.RunsIndex;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s report --run &lt;run&gt; [--index] [--runs-dir runs] [--out dir] [--json]`: a run's report (Markdown, HTML, PNG/SVG figures) from its record, through the shared verb.</summary>
static class ReportCommand
{
    public static Command Create()
    {
        // --run, as audit and the build host spell it; `report <run>`, the old spelling, stays as a hidden positional.
        var run = new Option<string?>("--run", "-r") { Description = "A run key, a unique key prefix, or the path of a run record." };
        var positional = new Argument<string?>("run") { Hidden = true, Arity = ArgumentArity.ZeroOrOne };
        var index = new Option<bool>("--index") { Description = "Also (or only, without a run) rewrite runs/index.html: every run's table row, figures and report link." };
        var runs = CommonOptions.RunsDir();
        var output = new Option<string?>("--out") { Description = "Folder for the report (default: runs/<experiment>/reports/<run key>/, beside the record)." };
        var json = CommonOptions.Json();
        var command = new Command("report",
            "Write a run's report from its record alone: report.md, a self-contained report.html, and PNG + SVG figures (accuracy vs strong size, PGR per pair, accuracy during transfer, bootstrap vs direct).")
        {
            run, positional, index, runs, output, json,
        };
        command.SetAction(parse =>
        {
            string? key = parse.GetValue(run) ?? parse.GetValue(positional);
            var request = key is null ? null : new ReportRequest { RunsDirectory = parse.GetValue(runs)!, Run = key, OutputDirectory = parse.GetValue(output) };
            Console.Out.Write(ReportIndexOutput.Run(request, parse.GetValue(index), parse.GetValue(runs)!, parse.GetValue(json)));
            return 0;
        });
        return command;
    }
}
