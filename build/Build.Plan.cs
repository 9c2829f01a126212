using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;

/// <summary>`Plan`: the resolved manifest and its stage DAG with content keys (docs/architecture.md §4), without running anything.</summary>
partial class Build
{
    Target Plan => _ => _
        .Description("Prints the resolved manifest and its stage DAG with content keys, without running anything.")
        .Requires(() => Experiment)
        .Requires(() => ExperimentExists())
        .Executes(() =>
        {
            // The same verb and renderers as `w2s plan`: the host never shells out to the tool.
            var result = PlanVerb.Run(CreateRequest());
            Output.Write(Json ? JsonRenderer.Plan(result) : TextRenderer.Plan(result));
        });
}
