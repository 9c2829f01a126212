using System.CommandLine;
using System.Text.Json;
using WeakToStrong.Core.Plans;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Environment;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Cli.Commands;

static class PlanCommand
{
    public static Command Create()
    {
        var experiment = CommonOptions.Experiment();
        var scale = CommonOptions.Scale();
        var set = CommonOptions.Set();
        var experiments = CommonOptions.ExperimentsDir();
        var json = CommonOptions.Json();
        var command = new Command("plan", "Print the resolved manifest and its stage graph with content keys; runs nothing.")
        {
            experiment, scale, set, experiments, json,
        };
        command.SetAction(parse =>
        {
            try
            {
                var resolved = Reproduction.Resolve(new ReproduceRequest
                {
                    Experiment = parse.GetValue(experiment)!, ExperimentsDirectory = parse.GetValue(experiments)!,
                    RunsDirectory = "runs", Scale = parse.GetValue(scale), Sets = parse.GetValue(set) ?? [],
                });
                var plan = PlanCompiler.Compile(resolved, CodeIdentity.Fingerprint());
                var indented = new JsonSerializerOptions { WriteIndented = true };
                if (parse.GetValue(json))
                    Console.WriteLine(new System.Text.Json.Nodes.JsonObject
                    {
                        ["manifest"] = resolved.Resolved.DeepClone(), ["plan"] = plan.ToJson(),
                    }.ToJsonString(indented));
                else
                {
                    Console.WriteLine(resolved.Resolved.ToJsonString(indented));
                    Console.WriteLine(plan.Render());
                }
                return 0;
            }
            catch (ExperimentException e)
            {
                foreach (var line in e.Lines) Console.Error.WriteLine(line);
                return 1;
            }
        });
        return command;
    }
}
