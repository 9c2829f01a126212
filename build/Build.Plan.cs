using System.Text.Json;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Core.Plans;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Environment;

/// <summary>`Plan`: the resolved manifest and its stage DAG with content keys (docs/architecture.md §4), without running anything.</summary>
partial class Build
{
    Target Plan => _ => _
        .Description("Prints the resolved manifest and its stage DAG with content keys, without running anything.")
        .Requires(() => Experiment)
        .Requires(() => ExperimentExists())
        .Executes(() =>
        {
            // The same shared-library calls as `w2s plan`: the host never shells out to the tool.
            var resolved = Reproduction.Resolve(CreateRequest());
            var plan = PlanCompiler.Compile(resolved, CodeIdentity.Fingerprint());
            Output.Line(resolved.Resolved.ToJsonString(PrintOptions));
            Output.Line(plan.Render());
        });

    // Hashes and paths as written (`+`, `<`), not \u002B escapes: this is for a reader, not for embedding in HTML.
    static readonly JsonSerializerOptions PrintOptions =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
