using System.CommandLine;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s runs [-e &lt;id&gt;] [--json]`: past runs from their records, through the shared verb; `--table` for the runs table (<see cref="RunsTableOptions"/>).</summary>
static class RunsCommand
{
    public static Command Create()
    {
        var experiment = new Option<string?>("--experiment", "-e") { Description = "Only this experiment's runs." };
        var runs = CommonOptions.RunsDir();
        var json = CommonOptions.Json();
        var command = new Command("runs", "List past runs from their records.") { experiment, runs, json };
        var table = new RunsTableOptions();
        table.AddTo(command);
        command.SetAction(parse =>
        {
            if (table.Requested(parse)) return table.Run(parse, parse.GetValue(runs)!, parse.GetValue(experiment), parse.GetValue(json));
            var result = RunsVerb.List(parse.GetValue(runs)!, parse.GetValue(experiment));
            Console.Out.Write(parse.GetValue(json) ? JsonRenderer.Runs(result) : TextRenderer.Runs(result));
            return 0;
        });
        return command;
    }
}
