using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;

/// <summary>`Reproduce`: runs an experiment end to end through the shared verb, then prints its PGR table and record path.</summary>
partial class Build
{
    Target Reproduce => _ => _
        .Description("Runs an experiment end to end (weak → labels → ceiling → transfer → PGR) and writes a run record under runs/.")
        .Requires(() => Experiment)
        .Requires(() => ExperimentExists())
        .Executes(async () =>
        {
            var result = await UserFacing(() => ReproduceVerb.RunAsync(CreateRequest(), HostProgress.For(Output)));
            Output.Write(Json ? JsonRenderer.Reproduce(result) : TextRenderer.Reproduce(result));
        });
}
