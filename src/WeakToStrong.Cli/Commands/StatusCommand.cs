using System.CommandLine;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application.Status;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s status -e &lt;id&gt; [--scale s] [--set a.b=v] [--store] [--json]`: which stages reproduce would compute, and why, through the shared verb.</summary>
static class StatusCommand
{
    public static Command Create()
    {
        var experiment = CommonOptions.Experiment();
        var scale = CommonOptions.Scale();
        var seeds = CommonOptions.Seeds();
        var set = CommonOptions.Set();
        var experiments = CommonOptions.ExperimentsDir();
        var runs = CommonOptions.RunsDir();
        var store = CommonOptions.Store();
        var json = CommonOptions.Json();
        var command = new Command("status", "Per stage of the plan: in the store, or not and why (a changed parameter, the code, an input) against the newest record; runs nothing.")
        {
            experiment, scale, seeds, set, experiments, runs, store, json,
        };
        command.SetAction(parse =>
        {
            var request = new ReproduceRequest
            {
                Experiment = parse.GetValue(experiment)!,
                ExperimentsDirectory = parse.GetValue(experiments)!,
                RunsDirectory = parse.GetValue(runs)!,
                Scale = parse.GetValue(scale),
                Seeds = parse.GetValue(seeds) ?? [],
                Sets = parse.GetValue(set) ?? [],
            };
            try
            {
                var result = StatusVerb.Run(request, parse.GetValue(store));
                Console.Out.Write(parse.GetValue(json) ? StatusText.Json(result) : StatusText.Text(result));
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
