using System.CommandLine;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s plan -e &lt;id&gt; [--scale s] [--seeds …] [--set a.b=v] [--json]`: what reproduce would run, through the shared verb.</summary>
static class PlanCommand
{
    public static Command Create()
    {
        var resolve = new ExperimentRequestBinding();
        var json = CommonOptions.Json();
        var command = new Command("plan", "Print the resolved manifest and its stage graph with content keys; runs nothing.") { json };
        foreach (var option in resolve.Options) command.Add(option);
        command.SetAction(parse =>
        {
            var request = resolve.Bind(parse, Workspace.FromCurrentDirectory().RunsDirectory); // a plan writes no record
            var result = PlanVerb.Run(request);
            Console.Out.Write(parse.GetValue(json) ? JsonRenderer.Plan(result) : TextRenderer.Plan(result));
            return 0;
        });
        return command;
    }
}
