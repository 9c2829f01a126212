using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application.Status;

/// <summary>`Status`: which stages Reproduce would compute, and why, without running anything (DVC's `dvc status`).</summary>
partial class Build
{
    Target Status => _ => _
        .Description("Per stage of the plan: in the store, or not and why (a changed parameter, the code, an input) against the newest record; runs nothing.")
        .Requires(() => Experiment)
        .Requires(() => ExperimentExists())
        .Executes(() =>
        {
            // The same verb and renderers as `w2s status`.
            var result = StatusVerb.Run(CreateRequest(), string.IsNullOrEmpty(Store) ? null : Path.GetFullPath(Store, RootDirectory));
            Output.Write(Json ? StatusText.Json(result) : StatusText.Text(result));
        });
}
