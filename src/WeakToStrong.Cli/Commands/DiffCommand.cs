using System.CommandLine;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s diff &lt;a&gt; &lt;b&gt; [--runs-dir runs] [--json | --md]`: two runs compared from their records, through the shared verb.</summary>
static class DiffCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "The first run: a run key, a unique key prefix, or the path of a run record." };
        var b = new Argument<string>("b") { Description = "The second run, the same way; deltas are b - a." };
        var runs = CommonOptions.RunsDir();
        var json = CommonOptions.Json();
        var md = new Option<bool>("--md") { Description = "Write Markdown tables (to paste into a pull request) instead of text." };
        var command = new Command("diff",
            "Compare two runs from their records: changed resolved-manifest paths, stage keys that differ (what would recompute), metric deltas with the seed SE beside them.")
        {
            a, b, runs, json, md,
        };
        command.SetAction(parse =>
        {
            var diff = DiffVerb.Run(parse.GetValue(runs)!, parse.GetValue(a)!, parse.GetValue(b)!);
            Console.Out.Write(parse.GetValue(json) ? JsonRenderer.Diff(diff) : parse.GetValue(md) ? TextRenderer.DiffMarkdown(diff) : TextRenderer.Diff(diff));
            return 0;
        });
        return command;
    }
}
