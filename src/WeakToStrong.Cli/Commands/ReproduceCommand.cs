using System.CommandLine;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Executors.Processes;
using WeakToStrong.Runner.Executors.Slurm;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s reproduce -e &lt;id&gt; …`: runs (or resumes) an experiment through the shared verb and prints its PGR table.</summary>
static class ReproduceCommand
{
    public static Command Create()
    {
        var resolve = new ExperimentRequestBinding();
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
        var threads = CommonOptions.Threads();
        var jobs = CommonOptions.Jobs();
        var store = CommonOptions.Store();
        var runs = CommonOptions.RunsDir();
        var json = CommonOptions.Json();
        var slurm = new SlurmOptionsBinding();
        var name = new Option<string?>("--name") { Description = "Call the run this (runs --table, runs/index.html); recorded, not hashed." };
        var tags = new Option<string[]>("--tag") { Description = "Tag the run (repeatable; runs --table --where tag=T); recorded, not hashed." };
        var command = new Command("reproduce", "Run an experiment end to end and write its run record.")
        {
            device, threads, jobs, store, runs, json, name, tags,
        };
        foreach (var option in resolve.Options.Concat(slurm.Options)) command.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            bool asJson = parse.GetValue(json);
            SlurmOptions? executor = slurm.Bind(parse);
            var request = resolve.Bind(parse, parse.GetValue(runs)!) with
            {
                Device = parse.GetValue(device)!,
                StoreRoot = parse.GetValue(store),
                Threads = parse.GetValue(threads),
                CommandLine = CommonOptions.CommandLine(),
                Slurm = executor,
                Processes = ProcessOptions.For(parse.GetValue(jobs), executor is not null, StageCommand.JobCommand),
                Name = parse.GetValue(name),
                Tags = parse.GetValue(tags) ?? [],
            };
            // With --json, progress goes to stderr so that stdout stays one JSON document.
            var progress = new TextProgress(asJson ? Console.Error : Console.Out);
            var result = await ReproduceVerb.RunAsync(request, progress, ct);
            Console.Out.Write(asJson ? JsonRenderer.Reproduce(result) : TextRenderer.Reproduce(result));
            return 0;
        });
        return command;
    }
}
