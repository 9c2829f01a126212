using System.CommandLine;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s results [--runs-dir runs] [--out docs/results.md] [--scale s] [--json]`: docs/results.md from the run records, through the shared verb.</summary>
static class ResultsCommand
{
    public static Command Create()
    {
        var runs = CommonOptions.RunsDir();
        runs.Aliases.Add("--runs");
        var output = CommonOptions.ResultsOut();
        var scale = new Option<string?>("--scale") { Description = "Only records of this scale (default: every scale, each experiment once per scale)." };
        var json = CommonOptions.Json();
        var command = new Command("results",
            "Write docs/results.md from the newest run record per experiment and scale: accuracies, PGR, flags, pooled PGR, the paper's findings as measured.")
        {
            runs, output, scale, json,
        };
        command.SetAction(parse =>
        {
            var result = ResultsVerb.Run(new ResultsRequest
            {
                RunsDirectory = parse.GetValue(runs)!, OutputPath = parse.GetValue(output)!, Scale = parse.GetValue(scale),
            });
            Console.Out.Write(parse.GetValue(json) ? JsonRenderer.Results(result) : TextRenderer.Results(result));
            return 0;
        });
        return command;
    }
}
