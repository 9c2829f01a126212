using System.CommandLine;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Status;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s status -e &lt;id&gt; [--scale s] [--set a.b=v] [--store] [--json]`: which stages reproduce would compute, and why, through the shared verb.</summary>
static class StatusCommand
{
    public static Command Create()
    {
        var resolve = new ExperimentRequestBinding();
        var runs = CommonOptions.RunsDir();
        var store = CommonOptions.Store();
        var json = CommonOptions.Json();
        var command = new Command("status", "Per stage of the plan: in the store, or not and why (a changed parameter, the code, an input) against the newest record; runs nothing.")
        {
            runs, store, json,
        };
        foreach (var option in resolve.Options) command.Add(option);
        command.SetAction(parse =>
        {
            var request = resolve.Bind(parse, parse.GetValue(runs)!);
            var result = StatusVerb.Run(request, parse.GetValue(store));
            Console.Out.Write(parse.GetValue(json) ? StatusText.Json(result) : StatusText.Text(result));
            return 0;
        });
        return command;
    }
}
