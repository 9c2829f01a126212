using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.RunsIndex;

/// <summary>`Report` and `Diff`: a run's report, and two runs compared, from their records under runs/ alone (no store).</summary>
partial class Build
{
    [Parameter("Diff: the first run (a run key, a unique key prefix, or the path of a run record).")]
    readonly string? A;

    [Parameter("Diff: the second run, the same way; deltas are b - a.")]
    readonly string? B;

    [Parameter("Diff, Runs --table: write Markdown tables (to paste into a pull request) instead of text.")]
    readonly bool Md;

    Target Report => _ => _
        .Description("Writes a run's report (--run <key|path>) from its record alone: report.md, a self-contained report.html and PNG + SVG figures, into runs/<experiment>/reports/<key>/ (--out moves it); --index rewrites runs/index.html.")
        .Executes(() =>
        {
            var request = Run is null ? null : new ReportRequest
            {
                RunsDirectory = RunsDirectory, Run = Run, OutputDirectory = Out is null ? null : Path.GetFullPath(Out, RootDirectory),
            };
            Output.Write(ReportIndexOutput.Run(request, Index, RunsDirectory, Json));
        });

    Target Diff => _ => _
        .Description("Compares two runs (--a <key|path> --b <key|path>) from their records: changed manifest paths, stage keys that differ (what would recompute), metric deltas with the seed SE; --json or --md.")
        .Requires(() => A)
        .Requires(() => B)
        .Executes(() =>
        {
            var diff = DiffVerb.Run(RunsDirectory, A!, B!);
            Output.Write(Json ? JsonRenderer.Diff(diff) : Md ? TextRenderer.DiffMarkdown(diff) : TextRenderer.Diff(diff));
        });
}
