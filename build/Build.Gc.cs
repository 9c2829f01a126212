using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application.Gc;

/// <summary>`Gc`: removes the store objects and stage entries that no run record names (DVC's `dvc gc`).</summary>
partial class Build
{
    [Parameter("Gc: count what would be removed; remove nothing.")]
    readonly bool DryRun;

    Target Gc => _ => _
        .Description("Removes the store objects and stage entries that no run record under runs/ names, and prints the bytes freed (--dry-run: counts only).")
        .Executes(() =>
        {
            // The same verb and renderers as `w2s gc`.
            var result = GcVerb.Run(string.IsNullOrEmpty(Store) ? null : Path.GetFullPath(Store, RootDirectory), RunsDirectory, DryRun);
            Output.Write(Json ? GcText.Json(result) : GcText.Text(result));
        });
}
