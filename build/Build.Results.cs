using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Host.Text;
using WeakToStrong.Runner.Application;

/// <summary>`Results`: docs/results.md from the newest run record per experiment and scale under runs/ (the records alone, no store).</summary>
partial class Build
{
    [Parameter("Results, Suite: where the results Markdown goes (default docs/results.md); Report: the report's folder (default runs/<experiment>/reports/<key>/). Relative to the repository root.")]
    readonly string? Out;

    AbsolutePath ResultsPath => new(Path.GetFullPath(Out ?? "docs/results.md", RootDirectory));

    Target Results => _ => _
        .Description("Writes docs/results.md from the newest run record per experiment and scale (--scale narrows it, --out moves it): accuracies, PGR, flags, pooled PGR, the paper's findings as measured.")
        .Executes(() =>
        {
            var result = ResultsVerb.Run(new ResultsRequest
            {
                RunsDirectory = RunsDirectory, OutputPath = ResultsPath, Scale = ScaleName,
            });
            Output.Write(Json ? JsonRenderer.Results(result) : TextRenderer.Results(result));
        });

    /// <summary>The --scale parameter as the manifests spell it (cpu), or null for every scale.</summary>
    string? ScaleName => Scale is { } named ? NameStyle.Kebab(named.ToString()) : null;
}
