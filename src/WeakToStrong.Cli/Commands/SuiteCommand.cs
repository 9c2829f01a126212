using System.CommandLine;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Executors.Processes;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s suite [--scale s] [--experiments a,b]`: every bundled experiment through the reproduce verb, then `results`.</summary>
static class SuiteCommand
{
    public static Command Create()
    {
        var scale = CommonOptions.Scale();
        var chosen = CommonOptions.Experiments("Only these experiments, in this order (a,b or a b; default: every manifest in the experiments folder).");
        var seeds = CommonOptions.Seeds();
        var set = CommonOptions.Set();
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var threads = CommonOptions.Threads();
        var jobs = CommonOptions.Jobs();
        var store = CommonOptions.Store();
        var experiments = CommonOptions.ExperimentsDir();
        var runs = CommonOptions.RunsDir();
        var output = CommonOptions.ResultsOut();
        var json = CommonOptions.Json();
        var command = new Command("suite",
            "Reproduce every bundled experiment in turn (each resumes from the store), then write docs/results.md; exits 1 if any failed.")
        {
            scale, chosen, seeds, set, device, threads, jobs, store, experiments, runs, output, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            bool asJson = parse.GetValue(json);
            var request = new SuiteRequest
            {
                Template = new ReproduceRequest
                {
                    Experiment = "",
                    ExperimentsDirectory = parse.GetValue(experiments)!,
                    RunsDirectory = parse.GetValue(runs)!,
                    Scale = parse.GetValue(scale),
                    Seeds = parse.GetValue(seeds) ?? [],
                    Sets = parse.GetValue(set) ?? [],
                    Device = parse.GetValue(device)!,
                    StoreRoot = parse.GetValue(store),
                    Threads = parse.GetValue(threads),
                    Processes = ProcessOptions.For(parse.GetValue(jobs), slurm: false, StageCommand.JobCommand),
                    CommandLine = CommonOptions.CommandLine(),
                },
                Experiments = parse.GetValue(chosen) ?? [],
                ResultsPath = parse.GetValue(output)!,
            };
            var progress = new TextProgress(asJson ? Console.Error : Console.Out);
            var result = await SuiteVerb.RunAsync(request, progress, ct: ct);
            Console.Out.Write(asJson ? JsonRenderer.Suite(result) : TextRenderer.Suite(result));
            return result.Succeeded ? 0 : 1;
        });
        return command;
    }
}
