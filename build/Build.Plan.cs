using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Wiring;

/// <summary>`Plan`: the resolved manifest and its stage DAG with content keys (ARCHITECTURE §4), without running anything.</summary>
partial class Build
{
    Target Plan => _ => _
        .Description("Prints the resolved manifest and its stage DAG with content keys, without running anything.")
        .Requires(() => Experiment)
        .Requires(() => ExperimentExists())
        .Executes(() => Output.Line(PendingWiring.Plan(CreateRequest())));
}
