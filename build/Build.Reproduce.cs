using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;

/// <summary>`Reproduce`: runs an experiment end to end through the shared verb, then prints its PGR table and record path.</summary>
partial class Build
{
    [Parameter("Reproduce: call the run this (runs --table, runs/index.html); recorded with the run, not hashed.")]
    readonly string? Name;

    [Parameter("Reproduce: tags for the run (--tag a --tag b; runs --table --where tag=a); recorded, not hashed.")]
    readonly string[] Tag = [];

    Target Reproduce => _ => _
        .Description("Runs an experiment end to end (weak → labels → ceiling → transfer → PGR) and writes a run record under runs/.")
        .Requires(() => Experiment)
        .Requires(() => ExperimentExists())
        .Executes(async () =>
        {
            // With --json, progress goes to stderr (as w2s does) so that the target's output is one JSON document.
            var progress = Json ? HostProgress.ToErrors(Output) : HostProgress.For(Output);
            var result = await ReproduceVerb.RunAsync(CreateRequest() with { Slurm = SlurmExecutorOptions(), Processes = ProcessExecutorOptions(), Name = Name, Tags = Tag }, progress);
            Output.Write(Json ? JsonRenderer.Reproduce(result) : TextRenderer.Reproduce(result));
        });
}
