using System.CommandLine;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s plan -e &lt;id&gt; [--scale s] [--seeds …] [--set a.b=v] [--json]`: what reproduce would run, through the shared verb.</summary>
static class PlanCommand
{
    public static Command Create()
    {
        var experiment = CommonOptions.Experiment();
        var scale = CommonOptions.Scale();
        var seeds = CommonOptions.Seeds();
        var set = CommonOptions.Set();
        var experiments = CommonOptions.ExperimentsDir();
        var json = CommonOptions.Json();
        var command = new Command("plan", "Print the resolved manifest and its stage graph with content keys; runs nothing.")
        {
            experiment, scale, seeds, set, experiments, json,
        };
        command.SetAction(parse =>
        {
            var request = new ReproduceRequest
            {
                Experiment = parse.GetValue(experiment)!,
                ExperimentsDirectory = parse.GetValue(experiments)!,
                RunsDirectory = Workspace.FromCurrentDirectory().RunsDirectory, // a plan writes no record
                Scale = parse.GetValue(scale),
                Seeds = parse.GetValue(seeds) ?? [],
                Sets = parse.GetValue(set) ?? [],
            };
            try
            {
                var result = PlanVerb.Run(request);
                Console.Out.Write(parse.GetValue(json) ? JsonRenderer.Plan(result) : TextRenderer.Plan(result));
                return 0;
            }
            catch (ExperimentException e)
            {
                return UserErrors.Print(e);
            }
        });
        return command;
    }
}
